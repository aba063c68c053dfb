/**
 * "Cite this excerpt": one CSL-JSON record per excerpt, a data-set citation (APA 7 §10.9:
 * `Author. (Year). Title (Version x) [Data set]. Publisher. URL`), formatted with real CSL styles
 * (APA 7, MLA 9, Chicago author-date, Vancouver, from src/formats/csl/) and as BibTeX (`@misc`),
 * RIS (`TY  - DATA`) and CSL-JSON. Every format carries the version and date of the release shown.
 *
 * citeproc takes about 7 ms per reference and style, too slow for 20,000 excerpts, and excerpt
 * records differ only in their id. So each format is rendered once, through the real style, for
 * a record whose id is a placeholder, and the placeholder is replaced; the first excerpt is also
 * rendered directly and must come out the same, or every excerpt is rendered directly.
 */
import {
  type CitableStudy,
  type CslRecord,
  cslDate,
  withInitialPeriods,
  formatCitation,
  formatInStyle,
  STYLE_KEYS,
  type StyleKey,
  studyRecord,
  vancouverOnCopy,
} from './citation.ts';
import type { Study } from '../contract/index.ts';

export { STYLES } from './citation.ts';

/** Every citation of one excerpt; `vancouverOnCopy` is Vancouver's text with "[cited {today}]" for the browser to fill. */
export type ExcerptCitations = Record<StyleKey | 'vancouverOnCopy' | 'bibtex' | 'ris' | 'cslJson', string>;

/** The notice every illustrative citation carries. */
export const ILLUSTRATIVE_NOTE = "Illustrative excerpt, not from the study's data";

/** The release of the data a citation names: its version ("1.1", "1.1, with unreleased changes", or "unreleased") and date (YYYY-MM-DD). */
export interface DatasetRelease {
  version: string;
  date?: string;
}

/** What an excerpt citation needs to know about the study and its data set. */
export type CitableSite = CitableStudy & Pick<Study, 'shortTitle' | 'provenance'> & { dataset?: DatasetRelease };

/**
 * The BibTeX key's prefix: the site's short title squeezed to letters (`betweentrustandtension`),
 * so that the key names the data set, not the article's first author.
 */
function keyPrefix(study: CitableSite): string {
  return (
    (study.shortTitle ?? study.title)
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]/g, '')
      .slice(0, 32) || 'excerpt'
  );
}

/**
 * The CSL-JSON record of one excerpt: a data set, published by the site, in the version and on the
 * date of the release the site shows (`dataset`). Illustrative excerpts are credited to the site's contributors,
 * never to the article's authors. `url` is left out when the site has no address.
 */
export function excerptRecord(study: CitableSite, id: string, url?: string): CslRecord {
  const paper = studyRecord(study);
  const site = study.shortTitle ?? study.title;
  // BibTeX keys allow letters, digits and underscores only.
  const key = `${keyPrefix(study)}_${id}`.replace(/[^A-Za-z0-9_]/g, '_');
  const version = !study.dataset
    ? undefined
    : study.dataset.version === 'unreleased'
      ? 'Unreleased version'
      : `Version ${study.dataset.version}`;
  const release = version ? `${[version, study.dataset?.date].filter(Boolean).join(', ')}. ` : '';
  const article = `${paper.author?.[0]?.family} et al. (${study.year}), https://doi.org/${study.doi}`;
  const common = {
    id: key,
    'citation-key': key,
    type: 'dataset',
    issued: study.dataset?.date ? cslDate(study.dataset.date) : { 'date-parts': [[study.year]] as [[number]] },
    ...(version ? { version } : {}),
    publisher: site,
    ...(url ? { URL: url } : {}),
  };
  if (study.provenance.kind === 'illustrative') {
    return {
      ...common,
      title: `Excerpt ${id}: ${ILLUSTRATIVE_NOTE.replace("'", '’')}`,
      author: [{ literal: `Contributors to the ${site} site` }],
      note: `${release}${ILLUSTRATIVE_NOTE}. Written to follow the published themes of ${article}.`,
    };
  }
  return {
    ...common,
    title: `Interview excerpt ${id}`,
    author: paper.author,
    note: `${release}Excerpt ${id} from the interviews analysed in ${article}.`,
  };
}

/**
 * The record as one style reads it, the data set's version where that style prints it: Vancouver
 * (Citing Medicine) as the edition statement, Chicago in the description after the title ("Data
 * set, version 0.1.0"); Chicago prints a one-letter given name as an initial ("Zill E.").
 */
function forStyle(record: CslRecord, style: StyleKey): CslRecord {
  const version = typeof record.version === 'string' ? record.version : undefined;
  if (style === 'vancouver' && version) return { ...record, edition: version };
  if (style === 'chicago')
    return {
      ...record,
      author: withInitialPeriods(record.author),
      ...(version ? { medium: `Data set, ${version.toLowerCase()}` } : {}),
    };
  return record;
}

/** BibTeX has a month but no day ("month = {nov 20}" is no month); the full date is in the note. */
function forBibtex(record: CslRecord): CslRecord {
  const parts = record.issued?.['date-parts'][0];
  return parts && parts.length > 2 ? { ...record, issued: { 'date-parts': [[parts[0], parts[1]]] } } : record;
}

/** One citation of a record: a style's reference, Vancouver's copy template, BibTeX, RIS or CSL-JSON. */
function renderOne(record: CslRecord, key: keyof ExcerptCitations): string {
  const style = STYLE_KEYS.find((k) => k === key);
  if (style) return formatInStyle(forStyle(record, style), style);
  if (key === 'vancouverOnCopy') return vancouverOnCopy(forStyle(record, 'vancouver'));
  if (key === 'bibtex') return formatCitation(forBibtex(record), 'bibtex');
  if (key === 'ris') return formatCitation(record, 'ris');
  return formatCitation(record, 'csl-json');
}

const KEYS: (keyof ExcerptCitations)[] = [...STYLE_KEYS, 'vancouverOnCopy', 'bibtex', 'ris', 'cslJson'];

/** Every citation, each made by `cite` from its key. */
function citationsBy(cite: (key: keyof ExcerptCitations) => string): ExcerptCitations {
  return {
    apa: cite('apa'),
    mla: cite('mla'),
    chicago: cite('chicago'),
    vancouver: cite('vancouver'),
    vancouverOnCopy: cite('vancouverOnCopy'),
    bibtex: cite('bibtex'),
    ris: cite('ris'),
    cslJson: cite('cslJson'),
  };
}

function renderAll(record: CslRecord): ExcerptCitations {
  return citationsBy((key) => renderOne(record, key));
}

/** Placeholder ids look like ordinary excerpt ids, so styles treat them the same. */
const PLACEHOLDER = 'E9817263';
const SAFE_ID = /^[A-Z][A-Z0-9]{0,7}$/;

/** Returns a function that gives every citation of an excerpt from its id and permalink (if the site has an address). */
export function createExcerptCiter(study: CitableSite): (id: string, url?: string) => ExcerptCitations {
  let fast: { template: ExcerptCitations; url: string | undefined } | undefined;
  let checked = false;
  // Citations the placeholder cannot stand in for (citation-js cuts RIS's ID to 20 characters, which
  // can cut into the id): rendered for each excerpt, while the others come from the template.
  const direct = new Set<keyof ExcerptCitations>();
  return (id, url) => {
    if (!SAFE_ID.test(id)) return renderAll(excerptRecord(study, id, url));
    const placeholderUrl = url?.replace(id, PLACEHOLDER);
    if (!fast || fast.url !== placeholderUrl)
      fast = { template: renderAll(excerptRecord(study, PLACEHOLDER, placeholderUrl)), url: placeholderUrl };
    const record = direct.size ? excerptRecord(study, id, url) : undefined;
    const fill = citationsBy((k) =>
      direct.has(k) ? renderOne(record!, k) : fast!.template[k].split(PLACEHOLDER).join(id),
    );
    if (!checked) {
      checked = true;
      const exact = renderAll(excerptRecord(study, id, url));
      for (const k of KEYS) if (exact[k] !== fill[k]) direct.add(k);
      if (direct.size)
        console.warn(
          `citations: ${[...direct].join(', ')} of ${id} differ through the placeholder; those are rendered for each excerpt`,
        );
      return exact;
    }
    return fill;
  };
}
