/**
 * "Cite this excerpt": one CSL-JSON record per excerpt, formatted with real CSL styles (APA 7,
 * MLA 9, Chicago author-date, Vancouver, from scripts/lib/csl/) and as BibTeX, RIS and CSL-JSON.
 *
 * citeproc takes about 7 ms per reference and style, too slow for 20,000 excerpts, and excerpt
 * records differ only in their id. So each format is rendered once, through the real style, for
 * a record whose id is a placeholder, and the placeholder is replaced; the first excerpt is also
 * rendered directly and must come out the same, or every excerpt is rendered directly.
 */
import { readFileSync } from 'node:fs';
// @ts-expect-error: citation-js ships no type declarations.
import { plugins } from '@citation-js/core';
import { type CslRecord, formatCitation, studyRecord, type CitableStudy } from './citation.ts';
import type { Study } from './schema.ts';

/** The reference styles offered, by key, with the CSL file each uses. */
export const STYLES = {
  apa: { label: 'APA 7', file: 'apa' },
  mla: { label: 'MLA 9', file: 'modern-language-association' },
  chicago: { label: 'Chicago (author-date)', file: 'chicago-author-date' },
  vancouver: { label: 'Vancouver', file: 'vancouver' },
} as const;

/** Every citation of one excerpt. */
export type ExcerptCitations = Record<keyof typeof STYLES | 'bibtex' | 'ris' | 'cslJson', string>;

let registered = false;
function registerStyles(): void {
  if (registered) return;
  const styles = (plugins.config.get('@csl') as { styles: { add(name: string, xml: string): void } }).styles;
  for (const { file } of Object.values(STYLES)) styles.add(`csl-${file}`, readFileSync(`scripts/lib/csl/${file}.csl`, 'utf8'));
  registered = true;
}

/** The notice every illustrative citation carries. */
export const ILLUSTRATIVE_NOTE = "Illustrative excerpt, not from the study's data";

/** The CSL-JSON record of one excerpt; the excerpt id is the locator, in the title and the URL (none when the site has no address). */
export function excerptRecord(study: CitableStudy & Pick<Study, 'shortTitle' | 'provenance'>, id: string, url?: string): CslRecord {
  const paper = studyRecord(study);
  const site = study.shortTitle ?? study.title;
  // BibTeX keys allow letters, digits and underscores only.
  const key = `${paper.id}_${id}`.replace(/[^A-Za-z0-9_]/g, '_');
  const common = { id: key, 'citation-key': key, type: 'dataset', issued: paper.issued, ...(url ? { URL: url } : {}), number: id };
  if (study.provenance.kind === 'illustrative') {
    return {
      ...common,
      title: `${ILLUSTRATIVE_NOTE} (${id})`,
      author: [{ literal: `${site} illustrative dataset` }],
      'container-title': `${site}: illustrative evidence site`,
      note: `${ILLUSTRATIVE_NOTE}. Written to follow the published themes of ${paper.author?.[0]?.family} et al. (${study.year}), doi:${study.doi}.`,
    };
  }
  return {
    ...common,
    title: `Interview excerpt ${id}`,
    author: paper.author,
    'container-title': `${study.title}: anonymized interview excerpts`,
    note: `Excerpt ${id} from the interviews analysed in ${paper.author?.[0]?.family} et al. (${study.year}), doi:${study.doi}.`,
  };
}

function renderAll(record: CslRecord): ExcerptCitations {
  // A one-item bibliography: Vancouver's reference number ("1. ") means nothing here.
  const styled = Object.fromEntries(Object.entries(STYLES).map(([key, s]) => [key, formatCitation(record, 'text', { style: `csl-${s.file}` }).replace(/^1\.\s+/, '')]));
  return { ...styled, bibtex: formatCitation(record, 'bibtex'), ris: formatCitation(record, 'ris'), cslJson: formatCitation(record, 'csl-json') } as ExcerptCitations;
}

/** Placeholder ids look like ordinary excerpt ids, so styles treat them the same. */
const PLACEHOLDER = 'E9817263';
const SAFE_ID = /^[A-Z][A-Z0-9]{0,7}$/;

/** Returns a function that gives every citation of an excerpt from its id and permalink. */
export function createExcerptCiter(study: Parameters<typeof excerptRecord>[0]): (id: string, url?: string) => ExcerptCitations {
  registerStyles();
  let fast: { template: ExcerptCitations; url?: string } | undefined;
  let checked = false;
  let direct = false;
  return (id, url) => {
    if (direct || !SAFE_ID.test(id)) return renderAll(excerptRecord(study, id, url));
    const placeholderUrl = url?.replace(id, PLACEHOLDER);
    if (!fast || fast.url !== placeholderUrl) fast = { template: renderAll(excerptRecord(study, PLACEHOLDER, placeholderUrl)), url: placeholderUrl };
    const fill = Object.fromEntries(Object.entries(fast.template).map(([k, v]) => [k, v.split(PLACEHOLDER).join(id)])) as ExcerptCitations;
    if (!checked) {
      checked = true;
      const exact = renderAll(excerptRecord(study, id, url));
      if (JSON.stringify(exact) !== JSON.stringify(fill)) {
        console.warn(`citations: ${id} renders differently through the placeholder; rendering every excerpt directly (slower)`);
        direct = true;
        return exact;
      }
    }
    return fill;
  };
}
