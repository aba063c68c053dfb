import { describe, expect, it } from 'vitest';
import { type MatrixItem, layoutCooccurrence, mostCoded, pairsAtLeast } from './cooccurrence-layout.ts';

const items: MatrixItem[] = [
  { id: 'error', label: 'Saw an error', group: 'trust', colour: '#0072B2' },
  { id: 'audit', label: 'Local audit', group: 'trust', colour: '#0072B2' },
  { id: 'saved', label: 'Time saved', group: 'work', colour: '#E69F00' },
];
const pairs = [
  { a: 'audit', b: 'error', excerpts: 4 },
  { a: 'error', b: 'saved', excerpts: 1 },
  { a: 'saved', b: 'unknown', excerpts: 9 },
];

describe('layoutCooccurrence', () => {
  const layout = layoutCooccurrence(items, pairs, { cell: 20, fontSize: 12 });

  it('draws each known pair twice, mirrored across the empty diagonal (snapshot)', () => {
    expect(
      layout.cells.map(
        (c) => `${c.a} x ${c.b} at ${c.x},${c.y} n=${c.excerpts} opacity=${c.opacity} ${c.colour ?? 'cross-theme'}`,
      ),
    ).toMatchInlineSnapshot(`
      [
        "error x audit at 117,97 n=4 opacity=1 #0072B2",
        "error x saved at 137,97 n=1 opacity=0.57 cross-theme",
        "audit x error at 97,117 n=4 opacity=1 #0072B2",
        "saved x error at 97,137 n=1 opacity=0.57 cross-theme",
      ]
    `);
    expect(layout.cells.some((c) => c.a === c.b)).toBe(false);
  });

  it('ignores pairs with codes outside the matrix, and scales darkness to the largest pair', () => {
    expect(layout.max).toBe(4);
    expect(layout.cells.find((c) => c.excerpts === 4)!.opacity).toBe(1);
    expect(layout.cells.find((c) => c.excerpts === 1)!.opacity).toBe(0.57); // 0.15 + 0.85 * sqrt(1 / 4), rounded
  });

  it('marks each theme as a block of consecutive rows', () => {
    expect(layout.groups).toEqual([
      { id: 'trust', colour: '#0072B2', start: 0, end: 2 },
      { id: 'work', colour: '#E69F00', start: 2, end: 3 },
    ]);
    expect(layout.width).toBe(layout.left + 3 * 20 + 2);
    expect(layout.top).toBe(layout.left);
  });

  it('keeps the pairs at or above the chosen minimum', () => {
    expect(pairsAtLeast(pairs, 4).map((p) => p.a + '/' + p.b)).toEqual(['audit/error', 'saved/unknown']);
  });
});

describe('mostCoded', () => {
  const items = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id }));
  const excerpts: Record<string, number> = { a: 1, b: 9, c: 4, d: 9, e: 2 };
  it('keeps the items coded on the most excerpts, in their own order, ties to the earlier', () => {
    expect(mostCoded(items, (id) => excerpts[id], 3).map((it) => it.id)).toEqual(['b', 'c', 'd']);
    expect(mostCoded(items, (id) => excerpts[id], 1).map((it) => it.id)).toEqual(['b']);
  });
  it('keeps every item when they fit', () => {
    expect(mostCoded(items, (id) => excerpts[id], 5)).toBe(items);
  });
});
