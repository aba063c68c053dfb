/** Citations of excerpts for the pages, from one citer per build (see scripts/lib/excerpt-citation.ts). */
import { createExcerptCiter, type ExcerptCitations } from '../../scripts/lib/excerpt-citation.ts';
import { site, url } from './site';

let citer: ReturnType<typeof createExcerptCiter> | undefined;

/** Every citation of an excerpt, with its absolute permalink; without SITE_URL, with no address at all. */
export function citeExcerpt(id: string, siteUrl: URL | undefined): ExcerptCitations & { url?: string } {
  // site.json's study is StudySchema's output; JSON typing widens its enums to string.
  citer ??= createExcerptCiter(site.study as Parameters<typeof createExcerptCiter>[0]);
  const permalink = siteUrl && new URL(url(`excerpts/${id}/`), siteUrl).href;
  return { ...citer(id, permalink), url: permalink };
}
