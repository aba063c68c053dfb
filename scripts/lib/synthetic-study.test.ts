import { describe, expect, it } from 'vitest';
import { buildContent } from '../build-content.ts';
import { syntheticStudy } from './synthetic-study.ts';

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
