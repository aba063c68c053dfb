import { describe, expect, it } from 'vitest';
import { buildContent } from '../build-content.ts';
import { syntheticStudy } from './synthetic-study.ts';
import { parseCsv } from './parse-csv.ts';

describe('the synthetic benchmark study', () => {
  it('is a valid study folder with the requested number of excerpts', () => {
    const site = JSON.parse(buildContent(syntheticStudy({ excerpts: 500 })).generated['site.json']);
    expect(site.totals.excerpts).toBe(500);
    expect(site.totals.codes).toBe(72);
  });

  it('has a redaction list whose names the anonymizer removes from the published excerpts', () => {
    const files = syntheticStudy({ excerpts: 2000 });
    expect(files.excerpts).toMatch(/Dr (Asif|Hina|Bilal) /);
    const excerpts = buildContent(files).generated['excerpts.json'];
    expect(excerpts).toContain('[a colleague]');
    expect(excerpts).not.toMatch(/Qureshi|Chaudhry|Gondal|Rawalpindi General/);
  });

  it('is the same for the same seed and differs for another', () => {
    expect(syntheticStudy({ excerpts: 50 }).excerpts).toBe(syntheticStudy({ excerpts: 50 }).excerpts);
    expect(syntheticStudy({ excerpts: 50, seed: 7 }).excerpts).not.toBe(syntheticStudy({ excerpts: 50 }).excerpts);
  });

  it('skews code use like real coding: the most used code is used far more than the median', () => {
    const rows = syntheticStudy({ excerpts: 2000 }).excerpts!.split('\n').slice(1);
    const uses = new Map<string, number>();
    for (const r of rows) for (const c of r.split(',')[3].split(';')) uses.set(c, (uses.get(c) ?? 0) + 1);
    const sorted = [...uses.values()].sort((a, b) => b - a);
    expect(sorted[0]).toBeGreaterThan(3 * sorted[Math.floor(sorted.length / 2)]);
  });
});

describe('synthetic study shapes', () => {
  const rows = (files: ReturnType<typeof syntheticStudy>) =>
    parseCsv(files.excerpts!, 'excerpts.csv', []).rows.map((r) => r.cells);
  const words = (t: string) => t.split(' ').length;

  it('spreads any number of codes over the codebook and takes the participants asked for', () => {
    const site = JSON.parse(
      buildContent(syntheticStudy({ excerpts: 3000, codes: 256, participants: 600 })).generated['site.json'],
    );
    expect(site.totals.codes).toBe(256);
    expect(site.totals.themes).toBe(6);
    expect(syntheticStudy({ excerpts: 10, participants: 600 }).participants!.split('\n').length - 1).toBe(600);
  });

  it('gives long-tailed lengths: median about 90 words, some far longer, none over the cap', () => {
    const lengths = rows(syntheticStudy({ excerpts: 4000, lengths: 'long-tail', maxWords: 900 }))
      .map((r) => words(r.text))
      .sort((a, b) => a - b);
    const median = lengths[lengths.length >> 1];
    expect(median).toBeGreaterThan(75);
    expect(median).toBeLessThan(110);
    expect(lengths.at(-1)).toBeLessThanOrEqual(902);
    expect(lengths[Math.floor(lengths.length * 0.99)]).toBeGreaterThan(4 * median);
  });

  it('gives the share of Urdu originals asked for', () => {
    const r = rows(syntheticStudy({ excerpts: 4000, urdu: 0.15 }));
    const share =
      r.filter((x) => x.original_lang === 'ur' && /[\u0600-\u06FF]/.test(x.original_text)).length / r.length;
    expect(share).toBeGreaterThan(0.13);
    expect(share).toBeLessThan(0.17);
  });

  it('reaches a volume of text within 10%', () => {
    const files = syntheticStudy({ excerpts: 2200, textMb: 5 });
    const bytes = rows(files).reduce(
      (n, x) => n + Buffer.byteLength(x.text) + Buffer.byteLength(x.original_text ?? ''),
      0,
    );
    expect(bytes / 1e6).toBeGreaterThan(4.5);
    expect(bytes / 1e6).toBeLessThan(5.5);
  });
});
