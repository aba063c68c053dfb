/** Citations for the pages: of excerpts, from one citer per build (src/formats/excerpt-citation.ts), and of the article. */
import { articleReferences } from '../formats/citation.ts';
import { type CitableSite, createExcerptCiter, type ExcerptCitations } from '../formats/excerpt-citation.ts';
import { dataVersion, release } from './releases';
import { site, url } from './site';

// Excerpts are cited in the version and on the date of the release this build shows (src/lib/releases.ts).
const study: CitableSite = {
  ...site.study,
  dataset: { version: dataVersion, ...(release.date ? { date: release.date } : {}) },
};
let citer: ReturnType<typeof createExcerptCiter> | undefined;

/** Every citation of an excerpt, with its absolute permalink when the site has an address (no address: no URL). */
export function citeExcerpt(id: string, siteUrl: URL | undefined): ExcerptCitations & { url?: string } {
  citer ??= createExcerptCiter(study);
  const permalink = siteUrl ? new URL(url(`excerpts/${id}/`), siteUrl).href : undefined;
  return { ...citer(id, permalink), url: permalink };
}

let article: ReturnType<typeof articleReferences> | undefined;
/** The article's full reference in every style (APA 7, MLA 9, Chicago, Vancouver) and Vancouver's copy template. */
export function citeArticle(): ReturnType<typeof articleReferences> {
  article ??= articleReferences(study);
  return article;
}
