/**
 * Which part of a built file came from the study, for the privacy detectors. Study text (excerpts,
 * quotes, narratives, labels, definitions, attributes) can land anywhere: a page, a CSV, the .qdc.
 * So can identifiers the build generates: GUIDs in the .qdc, excerpt and code ids in every page
 * and download, hashed asset and index names. A digit run inside one of those
 * (`...-7f049006473c` reads as the phone number 049006473) is not a person's number: a detector hit
 * that lies inside a generated identifier is not a leak. Any hit that reaches beyond one still is.
 */

/** Characters identifiers are made of: letters, digits, `_`, `-`, and the braces some tools put round GUIDs. */
const ID_CHAR = /[\p{L}\p{N}_{}-]/u;
/** A GUID (UUID), with or without braces: the .qdc's `guid` attributes and the importer's excerpt sources. */
const GUID = /^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i;

/**
 * The identifier that surrounds `text[start, end)`: the match widened over identifier characters
 * on both sides. A match with a space or dot in it stays as wide as it was, plus its neighbours.
 */
export function enclosingToken(text: string, start: number, end: number): string {
  let from = start;
  let to = end;
  while (from > 0 && ID_CHAR.test(text[from - 1])) from--;
  while (to < text.length && ID_CHAR.test(text[to])) to++;
  return text.slice(from, to);
}

/**
 * A test for detector hits: true when the hit at `text[start, end)` lies inside an identifier the
 * build generates, that is a GUID or one of `ids` (theme, subtheme, code and excerpt ids).
 */
export function generatedIdentifier(ids: Iterable<string> = []): (text: string, start: number, end: number) => boolean {
  const known = new Set(ids);
  return (text, start, end) => {
    const token = enclosingToken(text, start, end);
    return GUID.test(token) || known.has(token) || known.has(token.replace(/^\{|\}$/g, ''));
  };
}

/**
 * Whether a built file holds study text at all. Pagefind's own files other than its fragments
 * (index, filters, metadata, `pagefind-entry.json`) hold hashes and word lists the detectors
 * cannot judge; scripts and styles are the site's code. Redaction terms are looked for in every file.
 */
export function holdsStudyText(file: string): boolean {
  if (file.startsWith('pagefind/')) return file.endsWith('.pf_fragment');
  return !/\.(js|css|svg)$/.test(file);
}

/** Attributes whose values are text for readers (not addresses, styles or hashes). */
const READ_ATTRIBUTES =
  /\s(?:alt|title|aria-label|aria-description|placeholder|data-label|data-labels|data-copy)="([^"]*)"/gi;

/** Between separate texts of a page (one attribute, one meta tag): a line break and a record separator sign. */
export const PART_SEPARATOR = '\n\u241e\n';

/**
 * The study text of a page's body that its visible text leaves out: labels, titles and alt texts in
 * attributes, and mailto:/tel: links (the head, with its meta tags and JSON-LD, is scan-texts.ts's
 * headText). Scripts and styles are left out. Entities stay encoded, as detectors need only the
 * digits and letters.
 */
export function pageMetadataText(html: string): string {
  const body = html
    .slice(Math.max(0, html.indexOf('<body')))
    .replace(/<script\b[\s\S]*?<\/script>|<style\b[\s\S]*?<\/style>/gi, ' ');
  const parts: string[] = [];
  for (const m of body.matchAll(READ_ATTRIBUTES)) parts.push(m[1]);
  for (const m of body.matchAll(/\shref="((?:mailto|tel):[^"]*)"/gi)) parts.push(m[1]);
  // Parts are separate texts: a separator no detector reads as space, so "the dr" ending one part
  // and "Main" starting the next never read as one name.
  return parts.join(PART_SEPARATOR);
}

/** The ids the build generates, from the generated site data: themes, subthemes, codes, excerpts. */
export function generatedIds(
  site: { themes: { id: string; subthemes: { id: string; codes: { id: string }[] }[] }[] },
  excerpts: { id: string }[],
): string[] {
  return [
    ...site.themes.flatMap((t) => [t.id, ...t.subthemes.flatMap((s) => [s.id, ...s.codes.map((c) => c.id)])]),
    ...excerpts.map((e) => e.id),
  ];
}
