import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { articleReference, articleReferences, formatCitation, studyRecord, TODAY, type CslRecord } from './citation.ts';

/** The article's record (../shared/study-record.md): given names, online-first date, no volume, issue or pages. */
const study = {
  title: "Between Trust and Tension: Psychosocial Impacts of AI Integration on Health Professionals' Wellbeing",
  titleSentenceCase:
    "Between trust and tension: Psychosocial impacts of AI integration on health professionals' wellbeing",
  authors: [
    { family: 'Huma', given: 'Zill E' },
    { family: 'Sania', given: 'Adeeba' },
    { family: 'Doolittle', given: 'Benjamin' },
    { family: 'Sohail', given: 'Malik Muhammad' },
  ],
  journal: 'International Journal of Psychiatry in Medicine',
  journalAbbreviation: 'Int J Psychiatry Med',
  year: 2025,
  published: '2025-10-07',
  doi: '10.1177/00912174251387812',
};

/*
 * Reference strings written by hand from each guide, not copied from the formatter's output.
 * Typographic apostrophes and quotation marks, as the guides print them; italics (journal names)
 * are not part of plain text.
 */
const HAND = {
  /*
   * APA 7, §10.1 (journal article, advance online publication): authors as "Family, I. I." with
   * "&" before the last (§9.8); year of online publication (§9.14); title in sentence case, first
   * word after the colon capitalized (§9.19); journal name in title case, no volume, issue or
   * pages yet, then "Advance online publication." (§10.1); DOI as https://doi.org/ (§9.34).
   */
  apa: 'Huma, Z. E., Sania, A., Doolittle, B., & Sohail, M. M. (2025). Between trust and tension: Psychosocial impacts of AI integration on health professionals’ wellbeing. International Journal of Psychiatry in Medicine. Advance online publication. https://doi.org/10.1177/00912174251387812',
  /*
   * Chicago author-date (CMOS 17 §15.9 and the Chicago Q&A on articles "published ahead of print"):
   * first author inverted, others in normal order, "and" before the last, initials with a period
   * (§10.12); year; title in headline style in quotation marks; journal; "Published ahead of print,"
   * month and day; DOI as a URL; a final period.
   */
  chicago:
    'Huma, Zill E., Adeeba Sania, Benjamin Doolittle, and Malik Muhammad Sohail. 2025. “Between Trust and Tension: Psychosocial Impacts of AI Integration on Health Professionals’ Wellbeing.” International Journal of Psychiatry in Medicine. Published ahead of print, October 7. https://doi.org/10.1177/00912174251387812.',
  /*
   * MLA 9, by its core elements: Author ("Family, Given, et al." for three or more, §5.8). "Title of
   * source" (title case, in quotation marks). Title of container, Publication date (a journal's
   * month and year, abbreviated month), Location (the DOI as https://doi.org/, §5.93).
   */
  mla: 'Huma, Zill E., et al. “Between Trust and Tension: Psychosocial Impacts of AI Integration on Health Professionals’ Wellbeing.” International Journal of Psychiatry in Medicine, Oct. 2025, https://doi.org/10.1177/00912174251387812.',
  /*
   * Vancouver, Citing Medicine 2nd ed. ch. 23 (journal articles on the Internet): surnames with
   * initials, no periods or spaces; title in sentence case, the subtitle too (lowercase after the
   * colon); NLM abbreviation of the journal with "[Internet]"; date of publication "2025 Oct 7";
   * no volume or pages yet, so the date ends with a period; "Available from: URL". The "[cited
   * YYYY Mon DD]" after the date is the reader's own date: it is left out of the static text
   * and filled in when the reader copies the reference.
   */
  vancouver:
    'Huma ZE, Sania A, Doolittle B, Sohail MM. Between trust and tension: psychosocial impacts of AI integration on health professionals’ wellbeing. Int J Psychiatry Med [Internet]. 2025 Oct 7. Available from: https://doi.org/10.1177/00912174251387812',
  vancouverOnCopy:
    'Huma ZE, Sania A, Doolittle B, Sohail MM. Between trust and tension: psychosocial impacts of AI integration on health professionals’ wellbeing. Int J Psychiatry Med [Internet]. 2025 Oct 7 [cited {today}]. Available from: https://doi.org/10.1177/00912174251387812',
};

describe('the article reference, character for character against each guide', () => {
  const refs = articleReferences(study);
  for (const style of ['apa', 'chicago', 'mla', 'vancouver'] as const) {
    it(`matches ${style} for an article published online ahead of print`, () => {
      expect(refs[style]).toBe(HAND[style]);
      expect(articleReference(study, style)).toBe(HAND[style]);
    });
  }

  it('gives Vancouver a copy template whose "[cited ...]" the browser fills, and nothing else differs', () => {
    expect(TODAY).toBe('{today}');
    expect(refs.vancouverOnCopy).toBe(HAND.vancouverOnCopy);
    expect(refs.vancouver).not.toContain('cited');
  });

  it('drops "Advance online publication" and "Published ahead of print" once the article has a volume, issue and pages', () => {
    const inIssue = articleReferences({ ...study, volume: '60', issue: '2', pages: '101-120' });
    expect(inIssue.apa).toBe(
      'Huma, Z. E., Sania, A., Doolittle, B., & Sohail, M. M. (2025). Between trust and tension: Psychosocial impacts of AI integration on health professionals’ wellbeing. International Journal of Psychiatry in Medicine, 60(2), 101–120. https://doi.org/10.1177/00912174251387812',
    );
    expect(inIssue.chicago).not.toContain('ahead of print');
    expect(inIssue.vancouver).toContain('2025 Oct 7;60(2):101–20. Available from:');
  });

  it('falls back to the title and the year when study.yaml gives no sentence case and no date', () => {
    const { titleSentenceCase: _, published: __, journalAbbreviation: ___, ...bare } = study;
    expect(articleReference(bare, 'apa')).toBe(
      'Huma, Z. E., Sania, A., Doolittle, B., & Sohail, M. M. (2025). Between Trust and Tension: Psychosocial Impacts of AI Integration on Health Professionals’ Wellbeing. International Journal of Psychiatry in Medicine. https://doi.org/10.1177/00912174251387812',
    );
  });
});

describe('studyRecord', () => {
  it("builds one CSL-JSON journal article with the record's names and title, the online-first date and status, the DOI and its URL", () => {
    expect(studyRecord(study)).toMatchInlineSnapshot(`
      {
        "DOI": "10.1177/00912174251387812",
        "URL": "https://doi.org/10.1177/00912174251387812",
        "author": [
          {
            "family": "Huma",
            "given": "Zill E",
          },
          {
            "family": "Sania",
            "given": "Adeeba",
          },
          {
            "family": "Doolittle",
            "given": "Benjamin",
          },
          {
            "family": "Sohail",
            "given": "Malik Muhammad",
          },
        ],
        "citation-key": "huma2025",
        "container-title": "International Journal of Psychiatry in Medicine",
        "container-title-short": "Int J Psychiatry Med",
        "id": "huma2025",
        "issued": {
          "date-parts": [
            [
              2025,
              10,
              7,
            ],
          ],
        },
        "status": "advance online publication",
        "title": "Between Trust and Tension: Psychosocial Impacts of AI Integration on Health Professionals' Wellbeing",
        "type": "article-journal",
      }
    `);
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
    expect(bib).toContain(
      'author = {Huma, Zill E and Sania, Adeeba and Doolittle, Benjamin and Sohail, Malik Muhammad}',
    );
  });

  it('writes RIS with one line per tag, long titles not broken mid-word', () => {
    const ris = formatCitation(record, 'ris');
    expect(ris.split('\n')[0]).toBe('TY  - JOUR');
    expect(ris).toContain(`TI  - ${study.title}\n`);
    expect(ris).toContain('DO  - 10.1177/00912174251387812');
    expect(ris.split('\n').filter((l) => l.startsWith('AU  - '))).toHaveLength(4);
    expect(
      ris
        .trimEnd()
        .split('\n')
        .every((l) => /^[A-Z][A-Z0-9] {2}-( |$)/.test(l)),
    ).toBe(true);
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

  it('formats any record, not only the study (a dataset with an institutional author)', () => {
    const dataset: CslRecord = {
      id: 'e0042',
      type: 'dataset',
      title: 'Excerpt E0042',
      author: [{ literal: 'Site team' }],
      issued: { 'date-parts': [[2025]] },
      URL: 'https://example.org/excerpts/E0042/',
    };
    expect(formatCitation(dataset, 'text')).toContain('Site team');
    expect(formatCitation(dataset, 'ris')).toMatch(/^TY {2}- DATA/);
  });
});

describe('the CSL styles', () => {
  it('are found from the module, whatever the working directory (plain Node, as the pipeline runs it)', () => {
    const module = new URL('./citation.ts', import.meta.url).href;
    const script = `import { articleReference } from ${JSON.stringify(module)}; console.log(articleReference(${JSON.stringify(study)}, 'vancouver'));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: tmpdir(),
      encoding: 'utf8',
    });
    expect(out.trim()).toBe(articleReference(study, 'vancouver'));
  }, 30_000);
});
