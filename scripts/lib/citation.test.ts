import { describe, expect, it } from 'vitest';
import { formatCitation, studyRecord, type CslRecord } from './citation.ts';

const study = {
  title: "Between Trust and Tension: Psychosocial Impacts of AI Integration on Health Professionals' Wellbeing",
  authors: [{ family: 'Huma' }, { family: 'Sania' }, { family: 'Doolittle' }, { family: 'Sohail' }],
  journal: 'International Journal of Psychiatry in Medicine',
  year: 2025,
  doi: '10.1177/00912174251387812',
};

describe('studyRecord', () => {
  it('builds one CSL-JSON journal article with a stable id, the DOI and its resolver URL', () => {
    expect(studyRecord(study)).toMatchInlineSnapshot(`
      {
        "DOI": "10.1177/00912174251387812",
        "URL": "https://doi.org/10.1177/00912174251387812",
        "author": [
          {
            "family": "Huma",
          },
          {
            "family": "Sania",
          },
          {
            "family": "Doolittle",
          },
          {
            "family": "Sohail",
          },
        ],
        "citation-key": "huma2025",
        "container-title": "International Journal of Psychiatry in Medicine",
        "id": "huma2025",
        "issued": {
          "date-parts": [
            [
              2025,
            ],
          ],
        },
        "title": "Between Trust and Tension: Psychosocial Impacts of AI Integration on Health Professionals' Wellbeing",
        "type": "article-journal",
      }
    `);
  });

  it('keeps given names when the study gives them', () => {
    const record = studyRecord({ ...study, authors: [{ family: 'Doolittle', given: 'Benjamin R.' }] });
    expect(record.author).toEqual([{ family: 'Doolittle', given: 'Benjamin R.' }]);
  });
});

describe('formatCitation', () => {
  const record = studyRecord(study);

  it('writes BibTeX with every field of the record', () => {
    const bib = formatCitation(record, 'bibtex');
    expect(bib).toMatch(/^@article\{huma2025,\n/);
    expect(bib).toContain('doi = {10.1177/00912174251387812}');
    expect(bib).toContain('journal = {International Journal of Psychiatry in Medicine}');
    expect(bib).toContain('year = {2025}');
    expect(bib).toContain('author = {{Huma} and {Sania} and {Doolittle} and {Sohail}}');
  });

  it('writes RIS with one line per tag, long titles not broken mid-word', () => {
    const ris = formatCitation(record, 'ris');
    expect(ris.split('\n')[0]).toBe('TY  - JOUR');
    expect(ris).toContain(`TI  - ${study.title}\n`);
    expect(ris).toContain('DO  - 10.1177/00912174251387812');
    expect(ris.split('\n').filter((l) => l.startsWith('AU  - '))).toHaveLength(4);
    expect(ris.trimEnd().split('\n').every((l) => /^[A-Z][A-Z0-9]  -( |$)/.test(l))).toBe(true);
    expect(ris.trimEnd().endsWith('ER  -')).toBe(true);
  });

  it('carries a note into BibTeX and RIS, where the illustrative-data notice goes', () => {
    const noted: CslRecord = { ...record, note: 'Illustrative data, not the study data.' };
    expect(formatCitation(noted, 'bibtex')).toContain('note = {Illustrative data, not the study data.}');
    expect(formatCitation(noted, 'ris')).toContain('N1  - Illustrative data, not the study data.');
  });

  it('round-trips CSL-JSON unchanged', () => {
    expect(JSON.parse(formatCitation(record, 'csl-json'))).toEqual([record]);
  });

  it('formats a reference in APA by default and in another bundled style on request', () => {
    expect(formatCitation(record, 'text')).toBe(
      'Huma, Sania, Doolittle, & Sohail. (2025). Between Trust and Tension: Psychosocial Impacts of AI Integration on Health Professionals’ Wellbeing. International Journal of Psychiatry in Medicine. https://doi.org/10.1177/00912174251387812');
    expect(formatCitation(record, 'text', { style: 'vancouver' })).toContain('doi:10.1177/00912174251387812');
    expect(formatCitation(record, 'html')).toContain('class="csl-entry"');
  });

  it('formats any record, not only the study (a dataset with an institutional author)', () => {
    const dataset: CslRecord = { id: 'e0042', type: 'dataset', title: 'Excerpt E0042', author: [{ literal: 'Site team' }], issued: { 'date-parts': [[2025]] }, URL: 'https://example.org/excerpts/E0042/' };
    expect(formatCitation(dataset, 'text')).toContain('Site team');
    expect(formatCitation(dataset, 'ris')).toMatch(/^TY {2}- DATA/);
  });
});
