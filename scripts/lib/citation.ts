/**
 * Citations from one CSL-JSON record: the study's record is built once from study.yaml, and
 * every format (BibTeX, RIS, CSL-JSON, formatted text) is generated from it with citation-js,
 * so the formats cannot disagree. A record in, a string out: per-excerpt citations reuse it.
 */
// @ts-expect-error: citation-js ships no type declarations; the one constructor used is typed below.
import { Cite as UntypedCite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-ris';
import type { Study } from './schema.ts';

/** The part of citation-js's Cite this module uses. */
const Cite = UntypedCite as new (data: unknown) => { format(format: string, options?: Record<string, unknown>): unknown };

/** A name in CSL-JSON: a person (family, given) or an institution (literal). */
export interface CslName { family?: string; given?: string; literal?: string }

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
  issued?: { 'date-parts': [[number, number?, number?]] };
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
  /** A CSL style bundled with citation-js: `apa` (default), `vancouver` or `harvard1`. */
  style?: string;
  /** Locale, default `en-US`. */
  lang?: string;
}

/** The study fields a citation needs. */
export type CitableStudy = Pick<Study, 'title' | 'authors' | 'journal' | 'year' | 'doi'>;

/** The CSL-JSON record of the published article, with a stable id (`huma2025`). */
export function studyRecord(study: CitableStudy): CslRecord {
  const first = study.authors[0].family.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]/g, '');
  const id = `${first}${study.year}`;
  return {
    id,
    'citation-key': id,
    type: 'article-journal',
    title: study.title,
    author: study.authors.map((a) => (a.given ? { family: a.family, given: a.given } : { family: a.family })),
    'container-title': study.journal,
    issued: { 'date-parts': [[study.year]] },
    DOI: study.doi,
    URL: `https://doi.org/${study.doi}`,
  };
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
      return (cite.format('bibliography', { format, template: options.style ?? 'apa', lang: options.lang ?? 'en-US' }) as string).trim();
  }
}

/**
 * citation-js breaks RIS values every 70 characters; reference managers read the continuation
 * as a separate word ("H ealth"), so the pieces are joined back onto their tag line.
 */
function unwrapRis(ris: string): string {
  const lines: string[] = [];
  for (const line of ris.split('\n')) {
    if (/^[A-Z][A-Z0-9]  -( |$)/.test(line) || lines.length === 0) lines.push(line);
    else lines[lines.length - 1] += line;
  }
  return lines.join('\n');
}
