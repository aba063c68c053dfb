/**
 * What the research team's files point at: excerpts (quotes.yaml `excerpt:`, `<Quote id>` in a
 * narrative) and themes (quotes.yaml and brief.yaml keys, brief recommendations, a narrative
 * that is more than the placeholder). A re-import checks them against what it writes, so a
 * dangling reference is named (file, line, id) at import time, not at the next build.
 */
import { parseDocument, isMap, isSeq } from 'yaml';
import type { StudyFiles } from '../lib/study-files.ts';

/** One reference: the file (inside the study folder), its line, the id it names; for a quote, its theme. */
export interface Reference {
  file: string;
  line: number;
  id: string;
  theme?: string;
}

const QUOTE_LINE = /\bexcerpt:\s*["']?([A-Za-z0-9][A-Za-z0-9_-]*)/;
const QUOTE_ELEMENT = /<Quote\b[^>]*?\bid=["']([^"']+)["'][^>]*>/g;

/** Every excerpt reference in quotes.yaml and the narratives. */
export function excerptReferences(files: StudyFiles): Reference[] {
  const refs: Reference[] = [];
  let theme: string | undefined;
  (files.quotes ?? '').split('\n').forEach((line, i) => {
    const key = /^["']?([A-Za-z0-9][A-Za-z0-9_-]*)["']?\s*:/.exec(line);
    if (key) theme = key[1];
    const m = QUOTE_LINE.exec(line.replace(/#.*$/, ''));
    if (m) refs.push({ file: 'quotes.yaml', line: i + 1, id: m[1], theme });
  });
  for (const [theme, text] of Object.entries(files.narratives)) {
    text.split('\n').forEach((line, i) => {
      for (const m of line.matchAll(QUOTE_ELEMENT)) refs.push({ file: `themes/${theme}.mdx`, line: i + 1, id: m[1] });
    });
  }
  return refs;
}

const token = (id: string) => new RegExp(`(^|[^A-Za-z0-9_-])${id.replace(/[-]/g, '\\-')}($|[^A-Za-z0-9_-])`);

/**
 * Links in the team's prose (narratives, brief.yaml) to a subtheme's or code's anchor or page
 * (`/themes/trust/#checks`, `#double-checking`), which a removed node would break.
 */
export function nodeLinks(files: StudyFiles, id: string): Reference[] {
  const link = new RegExp(`[#/]${id.replace(/-/g, '\\-')}(?=$|[^A-Za-z0-9_-])`);
  const refs: Reference[] = [];
  const scan = (file: string, text: string | undefined) =>
    (text ?? '').split('\n').forEach((line, i) => {
      if (link.test(line)) refs.push({ file, line: i + 1, id });
    });
  for (const [theme, text] of Object.entries(files.narratives)) scan(`themes/${theme}.mdx`, text);
  scan('brief.yaml', files.brief);
  return refs;
}

/** Links to excerpt pages (`/excerpts/E0042/`) in narratives and brief.yaml. */
export function excerptLinks(files: StudyFiles): Reference[] {
  const refs: Reference[] = [];
  const scan = (file: string, text: string | undefined) =>
    (text ?? '').split('\n').forEach((line, i) => {
      for (const m of line.matchAll(/excerpts\/([A-Za-z0-9][A-Za-z0-9_-]*)/g))
        refs.push({ file, line: i + 1, id: m[1] });
    });
  for (const [theme, text] of Object.entries(files.narratives)) scan(`themes/${theme}.mdx`, text);
  scan('brief.yaml', files.brief);
  return refs;
}

/** Where the team's files point at a theme: quotes.yaml, brief.yaml, or a written narrative. */
export function themeReferences(files: StudyFiles, id: string, placeholder: string): Reference[] {
  const refs: Reference[] = [];
  const scan = (file: string, text: string | undefined) =>
    (text ?? '').split('\n').forEach((line, i) => {
      if (token(id).test(line.replace(/#.*$/, ''))) refs.push({ file, line: i + 1, id });
    });
  scan('quotes.yaml', files.quotes);
  scan('brief.yaml', files.brief);
  const narrative = files.narratives[id];
  if (narrative !== undefined && narrative.trim() !== placeholder.trim())
    refs.push({ file: `themes/${id}.mdx`, line: 1, id });
  return refs;
}

/** quotes.yaml without the quotes in `drop` (`theme excerpt`); comments and order are kept. */
export function dropQuotes(text: string, drop: Set<string>): string {
  const doc = parseDocument(text);
  if (!isMap(doc.contents)) return text;
  for (const pair of doc.contents.items) {
    if (!isSeq(pair.value)) continue;
    pair.value.items = pair.value.items.filter(
      (item) => !(isMap(item) && drop.has(`${String(pair.key)} ${String(item.get('excerpt'))}`)),
    );
  }
  return doc.toString({ lineWidth: 0 });
}

/** A narrative without its `<Quote>` elements of excerpts in `gone` (a line left empty goes too). */
export function dropQuoteElements(text: string, gone: Set<string>): string {
  return text
    .split('\n')
    .flatMap((line) => {
      const kept = line.replace(QUOTE_ELEMENT, (el, id: string) => (gone.has(id) ? '' : el));
      return kept !== line && !kept.trim() ? [] : [kept];
    })
    .join('\n');
}
