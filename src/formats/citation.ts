/**
 * Citations from CSL-JSON records: the article's record is built once from study.yaml, and every
 * format (BibTeX, RIS, CSL-JSON, formatted text) is generated from it with citation-js and the CSL
 * styles in src/formats/csl/, so the formats cannot disagree. What a style needs beyond the record
 * (APA's "Advance online publication", Chicago's "Published ahead of print", Vancouver's journal
 * abbreviation) is supplied as CSL-JSON data, never by editing the formatted string.
 */
import { readFileSync } from 'node:fs';
// @ts-expect-error: citation-js ships no type declarations; the parts used are typed below.
import { Cite as UntypedCite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-ris';
import type { Study } from '../contract/index.ts';

/** The part of citation-js's Cite this module uses. */
const Cite = UntypedCite as new (data: unknown) => {
  format(format: string, options?: Record<string, unknown>): unknown;
};

/** A name in CSL-JSON: a person (family, given) or an institution (literal). */
export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
}

/** A CSL-JSON date: year, month, day. */
export interface CslDate {
  'date-parts': [[number, number?, number?]];
}

/** A CSL-JSON item (the subset this project writes; citation-js accepts the full specification). */
export interface CslRecord {
  id: string;
  /** The BibTeX key; citation-js makes one up from author, year and title when it is missing. */
  'citation-key'?: string;
  /** CSL item type, e.g. `article-journal`, `dataset`, `webpage`. */
  type: string;
  title: string;
  author?: CslName[];
  'container-title'?: string;
  issued?: CslDate;
  /** The reader's access date; Vancouver prints it as "[cited ...]". Never in static text or downloads. */
  accessed?: CslDate;
  DOI?: string;
  URL?: string;
  publisher?: string;
  /** Free text; BibTeX `note`, RIS `N1`. Used for the illustrative-data notice. */
  note?: string;
  [field: string]: unknown;
}

/** Output formats: BibTeX, RIS, CSL-JSON, or a formatted reference (`text`, `html`) in a CSL style. */
export type CitationFormat = 'bibtex' | 'ris' | 'csl-json' | 'text' | 'html';

/** Options for formatted references; ignored by the data formats. */
export interface FormatOptions {
  /** A CSL style: one of STYLES registered as `csl-<file>`, or one bundled with citation-js (`apa`, default). */
  style?: string;
  /** Locale, default `en-US`. */
  lang?: string;
}

/** The reference styles offered, by key, with the CSL file each uses (src/formats/csl/). */
export const STYLES = {
  apa: { label: 'APA 7', file: 'apa' },
  mla: { label: 'MLA 9', file: 'modern-language-association' },
  chicago: { label: 'Chicago (author-date)', file: 'chicago-author-date' },
  vancouver: { label: 'Vancouver', file: 'vancouver' },
} as const;

/** A style of STYLES, by key. */
export type StyleKey = keyof typeof STYLES;

/** The keys of STYLES in the order the site shows them. */
export const STYLE_KEYS: readonly StyleKey[] = ['apa', 'mla', 'chicago', 'vancouver'];

/**
 * The XML of a CSL file of csl/, found from this module, not from the working directory. Under
 * Node the file is read next to the module; in the site's bundle (Vite, where the module no
 * longer sits next to csl/) the files are inlined at build time by `import.meta.glob`.
 */
function cslStyle(file: string): string {
  const bundled = import.meta.env
    ? import.meta.glob<string>('./csl/*.csl', { query: '?raw', import: 'default', eager: true })
    : undefined;
  return bundled?.[`./csl/${file}.csl`] ?? readFileSync(new URL(`./csl/${file}.csl`, import.meta.url), 'utf8');
}

let registered = false;
/** Adds the CSL files of STYLES to citation-js, once, as `csl-<file>`. */
export function registerStyles(): void {
  if (registered) return;
  const styles = (plugins.config.get('@csl') as { styles: { add(name: string, xml: string): void } }).styles;
  for (const { file } of Object.values(STYLES)) styles.add(`csl-${file}`, cslStyle(file));
  registered = true;
}

/** The study fields a citation of the article needs. */
export type CitableStudy = Pick<Study, 'title' | 'authors' | 'journal' | 'year' | 'doi'> &
  Partial<Pick<Study, 'titleSentenceCase' | 'journalAbbreviation' | 'published' | 'volume' | 'issue' | 'pages'>>;

/** A YYYY-MM-DD date as CSL-JSON. */
export function cslDate(iso: string): CslDate {
  const [y, m, d] = iso.split('-').map(Number);
  return { 'date-parts': [[y, m, d]] };
}

/** Whether the article is out online but not yet in a numbered issue. */
export function isOnlineFirst(study: CitableStudy): boolean {
  return Boolean(study.published) && !study.volume && !study.issue && !study.pages;
}

/** The CSL-JSON record of the published article, as the downloads give it: the record's own names and title. */
export function studyRecord(study: CitableStudy): CslRecord {
  const first = study.authors[0].family
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]/g, '');
  const id = `${first}${study.year}`;
  return {
    id,
    'citation-key': id,
    type: 'article-journal',
    title: study.title,
    author: study.authors.map((a) => (a.given ? { family: a.family, given: a.given } : { family: a.family })),
    'container-title': study.journal,
    ...(study.journalAbbreviation ? { 'container-title-short': study.journalAbbreviation } : {}),
    issued: study.published ? cslDate(study.published) : { 'date-parts': [[study.year]] },
    ...(study.volume ? { volume: study.volume } : {}),
    ...(study.issue ? { issue: study.issue } : {}),
    ...(study.pages ? { page: study.pages } : {}),
    ...(isOnlineFirst(study) ? { status: 'advance online publication' } : {}),
    DOI: study.doi,
    URL: `https://doi.org/${study.doi}`,
  };
}

/** Names with a period after each one-letter given name ("Zill E" -> "Zill E."), as Chicago and MLA print initials. */
export function withInitialPeriods(names: CslName[] | undefined): CslName[] | undefined {
  return names?.map((a) => (a.given ? { ...a, given: a.given.replace(/(^|\s)(\p{Lu})(?=\s|$)/gu, '$1$2.') } : a));
}

/**
 * The article's record as one style wants it. Each change is data a CSL style reads:
 * - the title in sentence case (APA, Vancouver); Chicago and MLA title-case it themselves;
 *   Vancouver (Citing Medicine) also lowercases the subtitle's first word unless it is an acronym;
 * - `status`: APA's "advance online publication", Chicago's "published ahead of print";
 * - a period after a one-letter given name ("Zill E."), as Chicago and MLA print initials.
 */
export function styledRecord(record: CslRecord, study: CitableStudy, style: StyleKey): CslRecord {
  const sentence = study.titleSentenceCase ?? record.title;
  const title =
    style === 'vancouver'
      ? sentence.replace(/: (\p{Lu})(\p{Ll})/u, (_, a: string, b: string) => `: ${a.toLowerCase()}${b}`)
      : sentence;
  const author = withInitialPeriods(record.author);
  const status = !isOnlineFirst(study)
    ? undefined
    : style === 'chicago'
      ? 'published ahead of print'
      : style === 'apa'
        ? 'advance online publication'
        : undefined;
  const { status: _, ...rest } = record;
  return { ...rest, title, ...(author ? { author } : {}), ...(status ? { status } : {}) };
}

/** Formats a record in one of STYLES, without the "1. " a one-item Vancouver bibliography starts with. */
export function formatInStyle(record: CslRecord, style: StyleKey): string {
  registerStyles();
  return formatCitation(record, 'text', { style: `csl-${STYLES[style].file}` }).replace(/^1\.\s+/, '');
}

/** Where the browser writes today's date when a reader copies a Vancouver reference ("[cited {today}]"). */
export const TODAY = '{today}';
/** An access date no reader has; its rendering is replaced by TODAY. */
const SENTINEL: CslDate = { 'date-parts': [[1111, 11, 11]] };

/**
 * The Vancouver reference as copied: with "[cited {today}]", which the browser fills with the
 * reader's date. Citing Medicine's access date is the reader's, so the static text leaves it out
 * and rebuilds stay byte-identical. When the style prints no access date, the text is unchanged.
 */
export function vancouverOnCopy(record: CslRecord): string {
  return formatInStyle({ ...record, accessed: SENTINEL }, 'vancouver')
    .split('1111 Nov 11')
    .join(TODAY);
}

/** The article's full reference in every style, and Vancouver's copy template. */
export function articleReferences(study: CitableStudy): Record<StyleKey | 'vancouverOnCopy', string> {
  const record = studyRecord(study);
  const style = (key: StyleKey) => formatInStyle(styledRecord(record, study, key), key);
  return {
    apa: style('apa'),
    mla: style('mla'),
    chicago: style('chicago'),
    vancouver: style('vancouver'),
    vancouverOnCopy: vancouverOnCopy(styledRecord(record, study, 'vancouver')),
  };
}

/** The article's full reference in one style. */
export function articleReference(study: CitableStudy, style: StyleKey): string {
  return formatInStyle(styledRecord(studyRecord(study), study, style), style);
}

/** Formats one record. BibTeX, RIS and CSL-JSON end with a newline; formatted text does not. */
export function formatCitation(record: CslRecord, format: CitationFormat, options: FormatOptions = {}): string {
  const cite = new Cite(record);
  switch (format) {
    case 'bibtex':
      return `${(cite.format('bibtex', { format: 'text' }) as string).trim()}\n`;
    case 'ris':
      return `${unwrapRis(cite.format('ris', { format: 'text' }) as string).trim()}\n`;
    case 'csl-json':
      return `${JSON.stringify([record], null, 2)}\n`;
    case 'text':
    case 'html':
      return (
        cite.format('bibliography', {
          format,
          template: options.style ?? 'apa',
          lang: options.lang ?? 'en-US',
        }) as string
      ).trim();
  }
}

/**
 * citation-js breaks RIS values every 70 characters; reference managers read the continuation
 * as a separate word ("H ealth"), so the pieces are joined back onto their tag line.
 */
function unwrapRis(ris: string): string {
  const lines: string[] = [];
  for (const line of ris.split('\n')) {
    if (/^[A-Z][A-Z0-9] {2}-( |$)/.test(line) || lines.length === 0) lines.push(line);
    else lines[lines.length - 1] += line;
  }
  return lines.join('\n');
}
