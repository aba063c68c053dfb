import { describe, expect, it } from 'vitest';
import { buildContent } from '../build-content.ts';
import { parseCsv } from './parse-csv.ts';
import { readStudyFolder } from './study-files.ts';
import { parse } from 'yaml';

/**
 * The derived counts are checked against counts computed here, independently, straight from the
 * raw CSV and YAML of the bundled study (no pipeline code besides a CSV splitter).
 */
describe('derived counts of the bundled study', () => {
  const files = readStudyFolder('content/study');
  const site = JSON.parse(buildContent(files).generated['site.json']);
  const codebook = parse(files.codebook!) as {
    themes: { id: string; subthemes: { id: string; codes: { id: string }[] }[] }[];
  };
  const rows = parseCsv(files.excerpts!, 'excerpts.csv', []).rows.map((r) => ({
    participant: r.cells.participant,
    codes: r.cells.codes.split(';'),
  }));
  const themeOf = new Map(codebook.themes.flatMap((t) => t.subthemes.flatMap((s) => s.codes.map((c) => [c.id, t.id]))));

  it('counts distinct participants and excerpts per theme', () => {
    for (const theme of codebook.themes) {
      const hits = rows.filter((r) => r.codes.some((c) => themeOf.get(c) === theme.id));
      const t = site.themes.find((x: { id: string }) => x.id === theme.id);
      expect(t.count).toEqual({ participants: new Set(hits.map((r) => r.participant)).size, excerpts: hits.length });
    }
  });

  it('counts distinct participants and excerpts per code', () => {
    for (const theme of site.themes)
      for (const sub of theme.subthemes)
        for (const code of sub.codes) {
          const hits = rows.filter((r) => r.codes.includes(code.id));
          expect(code.count, code.id).toEqual({
            participants: new Set(hits.map((r) => r.participant)).size,
            excerpts: hits.length,
          });
        }
  });

  it('counts theme co-occurrence and the participant x theme matrix', () => {
    const [a, b] = [codebook.themes[0].id, codebook.themes[2].id];
    const both = rows.filter(
      (r) => r.codes.some((c) => themeOf.get(c) === a) && r.codes.some((c) => themeOf.get(c) === b),
    ).length;
    const pair = site.themePairs.find(
      (p: { a: string; b: string }) => [p.a, p.b].sort().join() === [a, b].sort().join(),
    );
    expect(pair.excerpts).toBe(both);
    const p07 = site.matrix.find((r: { participant: string }) => r.participant === 'P07');
    expect(p07.counts).toEqual(
      codebook.themes.map(
        (t) => rows.filter((r) => r.participant === 'P07' && r.codes.some((c) => themeOf.get(c) === t.id)).length,
      ),
    );
  });

  it('is deterministic: the same study folder gives the same bytes', () => {
    expect(buildContent(files).generated).toEqual(buildContent(readStudyFolder('content/study')).generated);
  });
});
