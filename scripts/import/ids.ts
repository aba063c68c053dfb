/**
 * Every id the import makes: code ids from names, excerpt ids from selection GUIDs or from the
 * passage itself (document and text), pseudonyms for participants and column names for
 * variables. All come from content that a renamed code or reordered rows do not touch, so a
 * re-import of the same project gives the same ids and every URL of the site stays valid.
 */
import { createHash } from 'node:crypto';

/** Hex SHA-256 of the parts, joined by NUL: how the import fingerprints a text or a name. */
export const digest = (...parts: string[]): string =>
  createHash('sha256').update(parts.join('\u0000'), 'utf8').digest('hex');

/** "Trust & accuracy (AI)" -> "trust-accuracy-ai"; at most 48 characters, cut at a hyphen. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= 48) return slug;
  const cut = slug.slice(0, 49).lastIndexOf('-');
  return slug.slice(0, cut > 20 ? cut : 48).replace(/-+$/, '');
}

/**
 * Hands out unique ids: the slug itself the first time, then `-2`, `-3`... in call order.
 * Reserved ids (kept from a previous import) are never handed out for another name. Pass
 * `derived` for ids built from another id, e.g. `<theme>-codes`, which keep their full length.
 */
export function idAllocator(
  reserved: Iterable<string> = [],
): (name: string, fallback: string, derived?: boolean) => string {
  const taken = new Set(reserved);
  return (name, fallback, derived = false) => {
    // A derived id (`<theme>-codes`) is a slug already: cutting it at 48 would lose its suffix.
    const base = (derived ? name : slugify(name)) || fallback;
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    return id;
  };
}

/**
 * Excerpt ids from selection GUIDs: `E` + the first 8 hex digits, uppercase. When two GUIDs
 * share those 8 digits, each gets as many digits as it needs to differ from every other; this
 * does not depend on the order of the project, so reordering sources changes no id.
 */
export function excerptIdsFromGuids(guids: string[]): Map<string, string> {
  const sorted = [...new Set(guids)].sort();
  const common = (a = '', b = '') => {
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    return i;
  };
  return new Map(
    sorted.map((g, i) => {
      const length = Math.max(8, common(g, sorted[i - 1]) + 1, common(g, sorted[i + 1]) + 1);
      return [g, `E${g.slice(0, length).toUpperCase()}`];
    }),
  );
}

/**
 * The hex string an excerpt id is cut from when the tool gives no stable GUID (Taguette,
 * QualCoder's coding report): a digest of the document's name and the passage's text. Row
 * order, row numbers and code names play no part, so reordering, adding rows or renaming a
 * code moves no URL. Cut like a GUID by excerptIdsFromGuids: `E` + 8 hex digits, more on a clash.
 */
export const contentHex = (document: string, text: string): string => digest('excerpt', document, text).slice(0, 32);

/** Names that already look like pseudonyms: P01, INT-3, R12 (after dropping a file extension). */
const PSEUDONYM = /^[A-Za-z]{1,4}[-_]?\d{1,4}$/;
const stripExtension = (name: string) => name.trim().replace(/\.(txt|docx?|odt|rtf|pdf|md)$/i, '');

/**
 * Pseudonyms for participants, returned in the order given. Ids set by a mapping are kept, and
 * so are the ids `previous` gives (the last import's pseudonym for that name). Otherwise names
 * are kept when every one of them already looks like a pseudonym (P01, P02...); else the others
 * are numbered P01, P02... in the order of their names, never of the rows, because case and
 * file names often carry real names and the order of an export changes between exports.
 */
export function participantIds(
  names: { name: string; id?: string }[],
  previous: (index: number) => string | undefined = () => undefined,
): string[] {
  // A pseudonym is given once: a second participant the record maps to it is numbered anew.
  const given = new Set<string>();
  const fixed = names.map((p, i) => {
    const id = p.id ?? previous(i);
    if (id === undefined || p.id !== undefined) return id;
    if (given.has(id)) return undefined;
    given.add(id);
    return id;
  });
  const plain = names.filter((_, i) => !fixed[i]).map((p) => stripExtension(p.name));
  const keep =
    plain.length > 0 &&
    plain.every((n) => PSEUDONYM.test(n) && !fixed.includes(n)) &&
    new Set(plain).size === plain.length;
  const taken = new Set(names.flatMap((p, i) => (fixed[i] ? [fixed[i]!] : keep ? [stripExtension(p.name)] : [])));
  const width = Math.max(2, String(names.length).length);
  const byName = names
    .map((p, i) => ({ p, i }))
    .filter(({ i }) => !fixed[i])
    .sort((a, b) => (a.p.name < b.p.name ? -1 : a.p.name > b.p.name ? 1 : 0));
  const out = [...fixed];
  let next = 1;
  for (const { p, i } of byName) {
    if (keep) {
      out[i] = stripExtension(p.name);
      continue;
    }
    let id;
    do id = `P${String(next++).padStart(width, '0')}`;
    while (taken.has(id));
    out[i] = id;
  }
  return out as string[];
}

/** "Years of experience" -> "years_of_experience": a participants.csv column name. */
export function columnName(name: string): string {
  const col = slugify(name).replace(/-/g, '_') || 'attribute';
  return col === 'id' ? 'variable_id' : col;
}
