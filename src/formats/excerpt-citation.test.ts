// @ts-expect-error: citation-js ships no type declarations.
import { Cite } from '@citation-js/core';
import { describe, expect, it } from 'vitest';
import { createExcerptCiter, excerptRecord, ILLUSTRATIVE_NOTE } from './excerpt-citation.ts';
import { formatCitation, formatInStyle } from './citation.ts';

const study = {
  title: "Between Trust and Tension: Psychosocial Impacts of AI Integration on Health Professionals' Wellbeing",
  shortTitle: 'Between Trust and Tension',
  authors: [
    { family: 'Huma', given: 'Zill E' },
    { family: 'Sania', given: 'Adeeba' },
    { family: 'Doolittle', given: 'Benjamin' },
    { family: 'Sohail', given: 'Malik Muhammad' },
  ],
  journal: 'International Journal of Psychiatry in Medicine',
  year: 2025,
  doi: '10.1177/00912174251387812',
  dataset: { version: '0.1.0', date: '2026-11-27' },
};
const illustrative = { ...study, provenance: { kind: 'illustrative' as const, notice: 'Illustrative data.' } };
const published = { ...study, provenance: { kind: 'study' as const, notice: "The study's data." } };
const url = (id: string) => `https://example.org/study/excerpts/${id}/`;

describe('citing an illustrative excerpt', () => {
  const c = createExcerptCiter(illustrative)('E0042', url('E0042'));

  it('says "illustrative excerpt, not from the study\'s data" in every format, and never names the authors as its authors', () => {
    for (const [format, text] of Object.entries(c)) {
      expect(text.toLowerCase().replace('’', "'"), format).toContain(ILLUSTRATIVE_NOTE.toLowerCase());
      expect(text, format).toContain('E0042');
      expect(text, format).not.toMatch(/Huma, Z|Huma ZE|author = \{Huma/);
    }
  });

  it("is an APA 7 data-set citation (§10.9), credited to the site's contributors", () => {
    // Author. (Year). Title (Version x) [Data set]. Publisher. URL — by hand from §10.9.
    expect(c.apa).toBe(
      'Contributors to the Between Trust and Tension site. (2026). Excerpt E0042: Illustrative excerpt, not from the study’s data (Version 0.1.0) [Data set]. Between Trust and Tension. https://example.org/study/excerpts/E0042/',
    );
  });
});

describe('citing an excerpt of a published study', () => {
  const c = createExcerptCiter(published)('E0042', url('E0042'));

  it('formats each style as a data set, character for character against strings written from the guides', () => {
    // APA 7 §10.9: Author. (Year). Title (Version x) [Data set]. Publisher. URL
    expect(c.apa).toBe(
      'Huma, Z. E., Sania, A., Doolittle, B., & Sohail, M. M. (2026). Interview excerpt E0042 (Version 0.1.0) [Data set]. Between Trust and Tension. https://example.org/study/excerpts/E0042/',
    );
    // MLA 9 core elements: Author, et al. Title of source. Version, Publisher, Publication date, Location.
    expect(c.mla).toBe(
      'Huma, Zill E., et al. Interview Excerpt E0042. Version 0.1.0, Between Trust and Tension, 27 Nov. 2026, https://example.org/study/excerpts/E0042/.',
    );
    // Chicago author-date: Authors. Year. “Title.” Description (data set, version). Publisher. URL.
    expect(c.chicago).toBe(
      'Huma, Zill E., Adeeba Sania, Benjamin Doolittle, and Malik Muhammad Sohail. 2026. “Interview Excerpt E0042.” Data set, version 0.1.0. Between Trust and Tension. https://example.org/study/excerpts/E0042/.',
    );
    // Citing Medicine ch. 24-25 (databases on the Internet): Author. Title [Internet]. Edition (version). Publisher; date. Available from: URL
    expect(c.vancouver).toBe(
      'Huma ZE, Sania A, Doolittle B, Sohail MM. Interview excerpt E0042 [Internet]. Version 0.1.0. Between Trust and Tension; 2026. Available from: https://example.org/study/excerpts/E0042/',
    );
  });

  it('leaves Vancouver\'s "[cited ...]" to the reader\'s browser: a marker in the copy text only', () => {
    expect(c.vancouver).not.toContain('cited');
    expect(c.vancouverOnCopy).toBe(
      'Huma ZE, Sania A, Doolittle B, Sohail MM. Interview excerpt E0042 [Internet]. Version 0.1.0. Between Trust and Tension; 2026 [cited {today}]. Available from: https://example.org/study/excerpts/E0042/',
    );
  });

  it("carries the data set's version and date in every format", () => {
    for (const [format, text] of Object.entries(c)) {
      expect(text, format).toContain('0.1.0');
      expect(text, format).toContain('2026');
    }
    expect(c.ris).toContain('DA  - 2026/11/27/');
    expect(c.bibtex).toContain('note = {Version 0.1.0, 2026-11-27.');
    expect(c.bibtex).toContain('month = {11},');
  });

  it('gives BibTeX @misc with a neutral key and one URL field, RIS TY DATA, and CSL-JSON that read back as the same record', () => {
    const fromBib = new Cite(c.bibtex).data[0];
    expect(fromBib.title).toBe('Interview excerpt E0042');
    expect(fromBib.URL).toBe(url('E0042'));
    expect(c.bibtex).toMatch(/^@misc\{betweentrustandtension_E0042,/);
    expect(c.bibtex.match(/example\.org/g)).toHaveLength(1);
    expect(c.bibtex).not.toMatch(/howpublished|\\url/);
    expect(c.ris).toMatch(/^TY {2}- DATA\n/);
    expect(c.ris).toContain('TI  - Interview excerpt E0042\n');
    expect(c.ris).toMatch(/ER {2}-\n$/);
    expect(JSON.parse(c.cslJson)).toEqual([excerptRecord(published, 'E0042', url('E0042'))]);
  });

  it('renders every excerpt exactly as citeproc would render it directly', () => {
    const cite = createExcerptCiter(published);
    for (const id of ['E0001', 'E0372', 'P9', 'E000123']) {
      const record = excerptRecord(published, id, url(id));
      expect(cite(id, url(id)).apa).toBe(formatInStyle(record, 'apa'));
      expect(cite(id, url(id)).ris).toBe(formatCitation(record, 'ris'));
    }
  });

  it('says "Unreleased version" before the first release, and "with unreleased changes" after it', () => {
    const unreleased = createExcerptCiter({ ...published, dataset: { version: 'unreleased' } })('E0042', url('E0042'));
    expect(unreleased.apa).toBe(
      'Huma, Z. E., Sania, A., Doolittle, B., & Sohail, M. M. (2025). Interview excerpt E0042 (Unreleased version) [Data set]. Between Trust and Tension. https://example.org/study/excerpts/E0042/',
    );
    const changed = createExcerptCiter({
      ...published,
      dataset: { version: '1.1, with unreleased changes', date: '2026-11-20' },
    })('E0042', url('E0042'));
    expect(changed.apa).toContain('(2026). Interview excerpt E0042 (Version 1.1, with unreleased changes) [Data set].');
  });

  it('carries no address when the site has none (SITE_URL unset)', () => {
    const bare = createExcerptCiter(published)('E0042');
    expect(bare.apa).toBe(
      'Huma, Z. E., Sania, A., Doolittle, B., & Sohail, M. M. (2026). Interview excerpt E0042 (Version 0.1.0) [Data set]. Between Trust and Tension.',
    );
    for (const [format, text] of Object.entries(bare)) expect(text, format).not.toMatch(/https?:\/\/(?!doi\.org)/);
  });
});

describe('the citer of a study with a short name', () => {
  it('renders only what the placeholder cannot stand in for (RIS, whose ID is cut to 20 characters) for each excerpt, and every citation right', () => {
    const short = { ...illustrative, title: 'Tiny fixture study', shortTitle: 'Tiny Fixture Study' };
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (line: string) => {
      warnings.push(line);
    };
    try {
      const cite = createExcerptCiter(short);
      for (const id of ['E0001', 'E0002', 'E0317']) {
        // A fresh citer's first call renders every citation directly: the reference to compare with.
        expect(cite(id, url(id)), id).toEqual(createExcerptCiter(short)(id, url(id)));
      }
    } finally {
      console.warn = warn;
    }
    expect(new Set(warnings.map((w) => w.replace(/ of E\d+/, '')))).toEqual(
      new Set(['citations: ris differ through the placeholder; those are rendered for each excerpt']),
    );
  });
});
