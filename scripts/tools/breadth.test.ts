/** The breadth tool: varied breadth across themes, nobody dropped, positions unique, same input same output. */
import { describe, expect, it } from 'vitest';
import { type Row, breadth, reassign } from './breadth.ts';

const people = Array.from({ length: 10 }, (_, i) => ({ id: `P${String(i + 1).padStart(2, '0')}`, group: i % 2 ? 'Medicine' : 'Mental health' }));
const themeOfCode = new Map([['a1', 'A'], ['b1', 'B'], ['c1', 'C'], ['d1', 'D'], ['e1', 'E']]);
// Every participant voices every theme, as in the bundled study.
const rows: Row[] = people.flatMap((p, i) => ['a1', 'b1', 'c1', 'd1', 'e1'].map((code, j) => ({ id: `E${i}${j}`, participant: p.id, position: String(j + 1), codes: code, text: 't' })));
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

  it('is deterministic', () => {
    expect(reassign(rows, people, themeOfCode, ['A', 'B', 'C', 'D', 'E'])).toEqual(after);
  });
});
