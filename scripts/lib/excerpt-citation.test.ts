// @ts-expect-error: citation-js ships no type declarations.
import { Cite } from '@citation-js/core';
import { describe, expect, it } from 'vitest';
import { createExcerptCiter, excerptRecord, ILLUSTRATIVE_NOTE } from './excerpt-citation.ts';
import { formatCitation } from './citation.ts';

const study = {
  title: 'Between Trust and Tension: Psychosocial Impacts of AI Integration on Health Professionals\' Wellbeing',
  shortTitle: 'Between Trust and Tension',
  authors: [{ family: 'Huma' }, { family: 'Sania' }, { family: 'Doolittle' }, { family: 'Sohail' }],
  journal: 'International Journal of Psychiatry in Medicine', year: 2025, doi: '10.1177/00912174251387812',
};
const illustrative = { ...study, provenance: { kind: 'illustrative' as const, notice: 'Illustrative data.' } };
const published = { ...study, provenance: { kind: 'study' as const, notice: 'The study\'s data.' } };
const url = (id: string) => `https://example.org/study/excerpts/${id}/`;

describe('citing an illustrative excerpt', () => {
  const c = createExcerptCiter(illustrative)('E0042', url('E0042'));

  it('says "illustrative excerpt, not from the study\'s data" in every format, and never names the authors as its authors', () => {
    for (const [format, text] of Object.entries(c)) {
      expect(text.toLowerCase().replace('’', '\''), format).toContain(ILLUSTRATIVE_NOTE.toLowerCase());
      expect(text, format).toContain('E0042');
    }
    expect(c.apa).toBe('Between Trust and Tension illustrative dataset. (2025). Illustrative excerpt, not from the study’s data (E0042) [Data set]. In Between Trust and Tension: illustrative evidence site (No. E0042). https://example.org/study/excerpts/E0042/');
    expect(c.apa).not.toMatch(/Huma, /);
  });
});

describe('citing an excerpt of a published study', () => {
  const c = createExcerptCiter(published)('E0042', url('E0042'));

  it('formats APA 7, MLA 9, Chicago and Vancouver through their CSL styles, with the id as locator', () => {
    expect(c.apa).toBe('Huma, Sania, Doolittle, & Sohail. (2025). Interview excerpt E0042 [Data set]. In Between Trust and Tension: Psychosocial Impacts of AI Integration on Health Professionals’ Wellbeing: anonymized interview excerpts (No. E0042). https://example.org/study/excerpts/E0042/');
    expect(c.mla).toBe('Huma, et al. “Interview Excerpt E0042.” Between Trust and Tension: Psychosocial Impacts of AI Integration on Health Professionals’ Wellbeing: Anonymized Interview Excerpts, E0042, 2025, https://example.org/study/excerpts/E0042/.');
    expect(c.chicago).toMatch(/^Huma, Sania, Doolittle, and Sohail\. 2025\. “Interview Excerpt E0042\.”/);
    expect(c.vancouver).toMatch(/^Huma, Sania, Doolittle, Sohail\. Interview excerpt E0042 \[Internet\]\./);
  });

  it('gives BibTeX, RIS and CSL-JSON that read back as the same record', () => {
    const fromBib = new Cite(c.bibtex).data[0];
    expect(fromBib.title).toBe('Interview excerpt E0042');
    expect(fromBib.URL).toBe(url('E0042'));
    expect(c.bibtex).toMatch(/^@misc\{huma2025_E0042,/);
    expect(c.ris).toMatch(/^TY {2}- DATA\n/);
    expect(c.ris).toContain('TI  - Interview excerpt E0042\n');
    expect(c.ris).toMatch(/ER {2}-\n$/);
    expect(JSON.parse(c.cslJson)).toEqual([excerptRecord(published, 'E0042', url('E0042'))]);
  });

  it('renders every excerpt exactly as citeproc would render it directly', () => {
    const cite = createExcerptCiter(published);
    for (const id of ['E0001', 'E0372', 'P9', 'E000123']) {
      const record = excerptRecord(published, id, url(id));
      expect(cite(id, url(id)).apa).toBe(formatCitation(record, 'text', { style: 'csl-apa' }));
      expect(cite(id, url(id)).bibtex).toBe(formatCitation(record, 'bibtex'));
    }
  });
});
