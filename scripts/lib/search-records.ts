/**
 * What the search index holds, built from the anonymized data rather than from the pages: one
 * record per excerpt with its text (and original-language text), the fields shown with a result,
 * and the filters. Indexing from data lets Pagefind run while Astro builds the pages.
 */
import type { ExcerptRecord } from './schema.ts';

/** A Pagefind custom record (see Pagefind's `addCustomRecord`). */
export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/** The search filters of an excerpt: names are the explorer's URL parameters, values ids or attribute values. */
export function searchFilters(
  e: Pick<ExcerptRecord, 'themes' | 'codes' | 'attributes' | 'originalLang'>,
): Record<string, string[]> {
  const filters: Record<string, string[]> = { theme: e.themes, code: e.codes };
  for (const [name, value] of Object.entries(e.attributes)) filters[name] = [value];
  filters.lang = [e.originalLang ?? 'en'];
  return filters;
}

/**
 * One record per excerpt. URLs are root-relative without the base path, as Pagefind gives them
 * for pages it reads from disk; the explorer's `baseUrl` option puts the base path in front.
 */
export function searchRecords(excerpts: ExcerptRecord[]): SearchRecord[] {
  return excerpts.map((e) => ({
    url: `/excerpts/${encodeURIComponent(e.id)}/`,
    content: e.originalText ? `${e.text}\n${e.originalText}` : e.text,
    language: 'en',
    meta: { title: e.id, id: e.id, who: `${e.participant}, ${e.descriptor}` },
    filters: searchFilters(e),
  }));
}
