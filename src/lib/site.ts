/** The generated study data (site.json through the `site` collection, typed by the contract), and helpers every page uses. */
import { getEntry } from 'astro:content';
import type { Count, SiteTheme, Study } from '../contract/index.ts';
import { countOf, type Noun, PARTICIPANT } from './plural.ts';

const entry = await getEntry('site', 'site');
if (!entry)
  throw new Error('site.json is missing from the generated folder: run `npm run content` (or `npm run build`) first');
/** Everything site.json holds, as src/contract/site.ts describes it. */
export const site = entry.data;
export type { Site, SiteTheme } from '../contract/index.ts';
/** Participants and excerpts of a theme, subtheme or code. */
export type SiteCount = Count;

/** A path inside the site, prefixed with the configured base path. */
export function url(path = ''): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  const clean = path.replace(/^\//, '');
  return `${base}/${clean}`;
}

/**
 * The absolute address of a path inside the site (SITE_URL + BASE_PATH), or undefined when the
 * site is built without SITE_URL: a citation that points at localhost is worse than none.
 */
export function absoluteUrl(path = ''): string | undefined {
  const site = import.meta.env.SITE;
  return site ? new URL(url(path), site).href : undefined;
}

/** What citations and downloads say in place of an address when the site is built without SITE_URL. */
export const NO_ADDRESS =
  'This copy of the site was built without its web address, so its citations and downloads carry none. To add it, set SITE_URL to the address the site is published at and build again (see the README).';

/** The theme with this id; throws when the id is unknown (a build-time bug, never user input). */
export function themeById(id: string): SiteTheme {
  const theme = site.themes.find((t) => t.id === id);
  if (!theme) throw new Error(`unknown theme ${id}`);
  return theme;
}

/** "voiced by 14 of 22 participants", "voiced by 1 of 1 participant" */
export function voicedBy(count: SiteCount): string {
  return `voiced by ${countOf(count.participants, site.totals.participants, PARTICIPANT)}`;
}

/** Excerpts on each page of the lists by theme and by code (the routes that work without JavaScript). */
export const EXCERPTS_PER_PAGE = 50;

/** The static page of a code's excerpts, where every code link leads. */
export function codeUrl(id: string): string {
  return url(`codes/${id}/`);
}

/** Whether the data shown are illustrative rather than the study's own. */
export const illustrative = site.study.provenance.kind === 'illustrative';

/** What the study is about and who took part, from study.yaml's `subject` (neutral defaults). */
export const subject: Study['subject'] = site.study.subject;

/** Who took part, in the study's own words: "health professional(s)", by default "participant(s)". */
export const people: Noun = { one: subject.participant, other: subject.participants };

/** Keywords of the page metadata, the dataset record and CITATION.cff. */
export const keywords = ['qualitative research', ...subject.keywords, ...(illustrative ? ['illustrative data'] : [])];

/** The policy brief's title. */
export const briefTitle = subject.briefTitle ?? `${site.study.shortTitle ?? site.study.title}: findings and what to do`;

/** A language's English name from its BCP 47 code ("ur" gives "Urdu"), or the code when unknown. */
export function languageName(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code; // not a well-formed language code
  }
}

/** The paper's DOI as a link. */
export const doiUrl = `https://doi.org/${site.study.doi}`;

/** "Huma, Sania, Doolittle & Sohail" */
export function authorList(): string {
  const names = site.study.authors.map((a) => (a.given ? `${a.given} ${a.family}` : a.family));
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} & ${names.at(-1)}` : names[0];
}

/** Every code by id, with its theme and subtheme ids. */
export const codeIndex = new Map(
  site.themes.flatMap((t) =>
    t.subthemes.flatMap((s) => s.codes.map((c) => [c.id, { ...c, theme: t.id, subtheme: s.id }] as const)),
  ),
);

/** A label of the search's language filter: "English only" for excerpts without an original, else "Urdu original". */
export function languageLabel(code: string): string {
  return code === 'en' ? 'English only' : `${languageName(code)} original`;
}

/**
 * A theme's finding in one sentence, for the first screen: what the published article reports
 * (`articleSummary`) when the codebook gives it, otherwise the first sentence of the plain summary,
 * which was written with the data (illustrative data on an illustrative site).
 */
export function findingOf(theme: SiteTheme): { sentence: string; provenance: 'article' | 'illustrative' | 'study' } {
  if (theme.articleSummary) return { sentence: theme.articleSummary, provenance: 'article' };
  const first = theme.plainSummary.match(/^.+?[.!?](?=\s|$)/)?.[0] ?? theme.plainSummary;
  return { sentence: first, provenance: illustrative ? 'illustrative' : 'study' };
}
