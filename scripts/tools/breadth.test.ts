/** The breadth tool: varied breadth across themes, nobody dropped, positions unique, same input same output. */
import { describe, expect, it } from 'vitest';
import { type Person, type Row, breadth, moveCost, reassign } from './breadth.ts';

const people = Array.from({ length: 10 }, (_, i) => ({
  id: `P${String(i + 1).padStart(2, '0')}`,
  group: i % 2 ? 'Medicine' : 'Mental health',
}));
const themeOfCode = new Map([
  ['a1', 'A'],
  ['b1', 'B'],
  ['c1', 'C'],
  ['d1', 'D'],
  ['e1', 'E'],
]);
// Every participant voices every theme, as in the bundled study.
const rows: Row[] = people.flatMap((p, i) =>
  ['a1', 'b1', 'c1', 'd1', 'e1'].map((code, j) => ({
    id: `E${i}${j}`,
    participant: p.id,
    position: String(j + 1),
    codes: code,
    text: 't',
  })),
);
const themesOf = (r: Row) => [themeOfCode.get(r.codes)!];

describe('breadth tool', () => {
  const after = reassign(rows, people, themeOfCode, ['A', 'B', 'C', 'D', 'E']);

  it('leaves the themes voiced by different numbers of participants', () => {
    const before = breadth(rows, themesOf);
    expect(new Set(before.values())).toEqual(new Set([10]));
    const counts = [...breadth(after, themesOf).values()];
    expect(new Set(counts).size).toBeGreaterThanOrEqual(4);
    expect(Math.max(...counts)).toBeGreaterThan(Math.min(...counts) + 3);
  });

  it('keeps every participant, moves excerpts only within a specialty group, and keeps positions unique', () => {
    expect(new Set(after.map((r) => r.participant))).toEqual(new Set(people.map((p) => p.id)));
    const group = new Map(people.map((p) => [p.id, p.group]));
    for (const [i, r] of after.entries()) expect(group.get(r.participant)).toBe(group.get(rows[i].participant));
    const keys = after.map((r) => `${r.participant}:${r.position}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('gives every theme a different breadth, so each card says something of its own', () => {
    const counts = [...breadth(after, themesOf).values()];
    expect(new Set(counts).size).toBe(5);
  });

  it('never moves an excerpt out of its group, even a group of one among many', () => {
    // One lone diagnostician among 11 clinicians: a random choice of 4 voices in 12 leaves them out most of the time.
    const crowd = [...people, { id: 'P11', group: 'Medicine' }, { id: 'P12', group: 'Diagnostics' }];
    const all: Row[] = crowd.flatMap((p, i) =>
      ['a1', 'b1', 'c1', 'd1', 'e1'].map((code, j) => ({
        id: `E${i}-${j}`,
        participant: p.id,
        position: String(j + 1),
        codes: code,
        text: 't',
      })),
    );
    const moved = reassign(all, crowd, themeOfCode, ['A', 'B', 'C', 'D', 'E']);
    const group = new Map(crowd.map((p) => [p.id, p.group]));
    for (const [i, r] of moved.entries()) expect(group.get(r.participant), r.id).toBe(group.get(all[i].participant));
  });

  it('moves an excerpt to the most similar speaker it can: same specialty, then sector, band, gender', () => {
    const from: Person = {
      id: 'A',
      group: 'G',
      specialty: 'Psychiatry',
      sector: 'Public',
      band: '10 years or more',
      gender: 'Man',
    };
    const twin = { ...from, id: 'B' };
    const resident = { ...from, id: 'C', specialty: 'Psychiatry (resident)', band: 'Under 10 years' };
    const psychologist = { ...from, id: 'D', specialty: 'Clinical psychology' };
    const privateTwin = { ...from, id: 'E', sector: 'Private' };
    expect(moveCost(from, from)).toBe(0);
    expect(moveCost(from, twin)).toBe(1);
    expect(moveCost(from, twin)).toBeLessThan(moveCost(from, privateTwin));
    expect(moveCost(from, privateTwin)).toBeLessThan(moveCost(from, psychologist));
    expect(moveCost(from, resident)).toBeLessThan(moveCost(from, psychologist));
  });

  it('is deterministic', () => {
    expect(reassign(rows, people, themeOfCode, ['A', 'B', 'C', 'D', 'E'])).toEqual(after);
  });
});
