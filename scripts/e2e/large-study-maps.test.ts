/**
 * The map pages of a study larger than a matrix can show: 60 codes and 150 participants (the
 * benchmark's synthetic generator). The co-occurrence matrix draws the 40 codes coded on the most
 * excerpts and its table the 200 pairs coded together most often; the participant matrix draws a
 * row per group of participants, not per pseudonym. Each page says so, adds up to the study's own
 * counts (from excerpts.csv, the download), and stays within the page budget. At the benchmark's
 * largest shape (500 codes, 1,000 participants) the two pages had been 11 and 12 MB.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { MATRIX_ITEMS, TABLE_PAIRS } from '../../src/charts/cooccurrence-layout.ts';
import { PARTICIPANT_ROWS } from '../../src/charts/participant-matrix-layout.ts';
import { run } from '../build.ts';
import { BUDGETS } from '../lib/budgets.ts';
import { parseCsv } from '../lib/parse-csv.ts';
import { syntheticStudy, writeSyntheticStudy } from '../lib/synthetic-study.ts';

const STUDY = resolve('.build/large-maps-study');
const SITE = resolve('.build/large-maps-site');
const CODES = 60;
const PARTICIPANTS = 150;

const page = (path: string) => parse(readFileSync(join(SITE, path, 'index.html'), 'utf8'));
const number = (text: string) => Number(text.replace(/[,\s]/g, ''));

/** Per code and per theme, the excerpts coded with it, and per participant, by theme: from the download. */
function fromDownload() {
  const { rows, problems } = parseCsv(readFileSync(join(SITE, 'data/excerpts.csv'), 'utf8'), 'excerpts.csv', [
    'participant',
    'codes',
    'themes',
  ]);
  expect(problems).toEqual([]);
  const codes = new Map<string, number>();
  const themes = new Map<string, number>();
  const participants = new Set<string>();
  for (const { cells } of rows) {
    participants.add(cells.participant);
    for (const c of cells.codes.split(';').filter(Boolean)) codes.set(c, (codes.get(c) ?? 0) + 1);
    for (const t of cells.themes.split(';').filter(Boolean)) themes.set(t, (themes.get(t) ?? 0) + 1);
  }
  return { codes, themes, participants };
}

beforeAll(async () => {
  writeSyntheticStudy(STUDY, syntheticStudy({ excerpts: 600, codes: CODES, participants: PARTICIPANTS }));
  expect(await run(['--study', STUDY, '--out', SITE])).toBe(true);
}, 180_000);

describe('the maps of a study with more codes and participants than a matrix shows', () => {
  it('draws the codes coded on the most excerpts, says so, and lists the pairs coded together most often', () => {
    const codes = page('maps/co-occurrence').querySelector('#cooccurrence-codes')!;
    const { codes: counts } = fromDownload();
    expect(counts.size).toBeGreaterThan(MATRIX_ITEMS);
    const drawn = codes.querySelectorAll('.co-item').map((g) => g.getAttribute('data-id')!);
    expect(drawn).toHaveLength(MATRIX_ITEMS);
    const fewestDrawn = Math.min(...drawn.map((c) => counts.get(c) ?? 0));
    const mostLeftOut = Math.max(...[...counts].filter(([c]) => !drawn.includes(c)).map(([, n]) => n));
    expect(fewestDrawn).toBeGreaterThanOrEqual(mostLeftOut);
    expect(codes.querySelector('[data-cut]')!.text).toMatch(
      new RegExp(`has ${counts.size} codes.*draws the ${MATRIX_ITEMS} coded on the most excerpts`),
    );
    // Every cell pairs two drawn codes, and the status counts them.
    const cells = codes.querySelectorAll('.co-cell');
    for (const c of cells) expect(drawn).toContain(c.getAttribute('data-a'));
    expect(codes.querySelector('[data-shown]')!.text).toContain(`of ${cells.length / 2} pairs of codes shown`);
    const listed = codes
      .querySelectorAll('.table-twin tbody tr')
      .map((tr) => number(tr.getAttribute('data-excerpts')!));
    expect(listed).toHaveLength(TABLE_PAIRS);
    expect(listed).toEqual([...listed].sort((a, b) => b - a));
    expect(codes.querySelector('.table-twin summary')!.text).toMatch(
      /The 200 pairs coded together most often, of [\d,]+, as a table/,
    );
  });

  it('draws a row per group of participants, never a pseudonym, adding up to each theme', () => {
    const who = page('maps/participants');
    const { themes, participants } = fromDownload();
    expect(participants.size).toBeGreaterThan(PARTICIPANT_ROWS);
    const matrix = who.querySelector('.participant-matrix')!;
    expect(matrix.querySelector('[data-cut]')!.text).toContain(`${PARTICIPANTS} participants, too many for a row each`);
    expect(matrix.querySelectorAll('[data-participant]')).toHaveLength(0);
    for (const p of participants) expect(matrix.toString()).not.toMatch(new RegExp(`\\b${p}\\b`));
    const drawings = matrix.querySelectorAll('.pm-drawing');
    expect(drawings.map((d) => d.getAttribute('data-grouping'))).toEqual(['specialty_group', 'sector']);
    for (const drawing of drawings) {
      const rows = drawing.querySelectorAll('.pm-row');
      expect(rows.length).toBeGreaterThan(1);
      const body = matrix.querySelector(`.table-twin tbody[data-grouping="${drawing.getAttribute('data-grouping')}"]`)!;
      // The group sizes add up to every participant.
      const tableSizes = body.querySelectorAll('tr').map((tr) => number(tr.querySelectorAll('td')[0].text));
      expect(tableSizes.reduce((a, b) => a + b, 0)).toBe(PARTICIPANTS);
      for (const [theme, n] of themes) {
        const cells = drawing
          .querySelectorAll(`.pm-cell[data-theme="${theme}"]`)
          .map((c) => number(c.getAttribute('data-excerpts')!));
        expect(
          cells.reduce((a, b) => a + b, 0),
          theme,
        ).toBe(n);
        const column = body.querySelectorAll(`td[data-theme="${theme}"]`).map((td) => number(td.text));
        expect(
          column.reduce((a, b) => a + b, 0),
          theme,
        ).toBe(n);
      }
    }
  });

  it('keeps both map pages within the page budget', () => {
    for (const path of ['maps/co-occurrence', 'maps/participants']) {
      const html = readFileSync(join(SITE, path, 'index.html'));
      expect(gzipSync(html).length, path).toBeLessThan(BUDGETS.map.htmlCss);
    }
  });
});
