/** The generated study data, typed, and helpers every page uses. */
import site from '../../content/generated/site.json';

export type Site = typeof site;
export type SiteTheme = Site['themes'][number];
export type SiteCount = SiteTheme['count'];
export { site };

/** A path inside the site, prefixed with the configured base path. */
export function url(path = ''): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  const clean = path.replace(/^\//, '');
  return `${base}/${clean}`;
}

/** The theme with this id; throws when the id is unknown (a build-time bug, never user input). */
export function themeById(id: string): SiteTheme {
  const theme = site.themes.find((t) => t.id === id);
  if (!theme) throw new Error(`unknown theme ${id}`);
  return theme;
}

/** "voiced by 14 of 22 participants" */
export function voicedBy(count: SiteCount): string {
  return `voiced by ${count.participants} of ${site.totals.participants} participants`;
}

/** Excerpts on each page of the lists by theme and by code (the routes that work without JavaScript). */
export const EXCERPTS_PER_PAGE = 50;

/** The static page of a code's excerpts, where every code link leads. */
export function codeUrl(id: string): string {
  return url(`codes/${id}/`);
}

/** Whether the data shown are illustrative rather than the study's own. */
export const illustrative = site.study.provenance.kind === 'illustrative';

/** The paper's DOI as a link. */
export const doiUrl = `https://doi.org/${site.study.doi}`;

/** "Huma, Sania, Doolittle & Sohail" */
export function authorList(): string {
  const names = site.study.authors.map((a) => ('given' in a && a.given ? `${a.given} ${a.family}` : a.family));
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} & ${names.at(-1)}` : names[0];
}

/** Every code by id, with its theme and subtheme ids. */
export const codeIndex = new Map(site.themes.flatMap((t) => t.subthemes.flatMap((s) => s.codes.map((c) => [c.id, { ...c, theme: t.id, subtheme: s.id }] as const))));

/** Language names for the search filter and labels. */
export const LANGUAGES: Record<string, string> = { en: 'English only', ur: 'Urdu original', pa: 'Punjabi original' };

/**
 * A theme's finding in one sentence, for the first screen: what the published article reports
 * (`articleSummary`) when the codebook gives it, otherwise the first sentence of the plain summary,
 * which was written with the data (illustrative data on an illustrative site).
 */
export function findingOf(theme: SiteTheme): { sentence: string; provenance: 'article' | 'illustrative' | 'study' } {
  const article = 'articleSummary' in theme && typeof theme.articleSummary === 'string' ? theme.articleSummary : undefined;
  if (article) return { sentence: article, provenance: 'article' };
  const first = theme.plainSummary.match(/^.+?[.!?](?=\s|$)/)?.[0] ?? theme.plainSummary;
  return { sentence: first, provenance: illustrative ? 'illustrative' : 'study' };
}
