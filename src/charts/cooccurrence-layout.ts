/**
 * Co-occurrence as an adjacency matrix: which codes (or themes) were coded on the same excerpts.
 * A matrix keeps every pair readable where a network would tangle: rows and columns follow the
 * codebook, so each theme's codes form a block, and a cell's darkness is its shared count.
 */
import { estimateWidth, wrapLabel } from './label-fit.ts';

/** A row (and column) of the matrix. `group` is the theme it belongs to. */
export interface MatrixItem {
  id: string;
  label: string;
  group: string;
  colour: string;
}
/** Two items and the number of excerpts coded with both. */
export interface Pair {
  a: string;
  b: string;
  excerpts: number;
}

export interface CoCell {
  a: string;
  b: string;
  x: number;
  y: number;
  excerpts: number;
  opacity: number;
  colour: string | null;
}
export interface CoItem extends MatrixItem {
  index: number;
  text: string;
  x: number;
  y: number;
}
export interface CoGroup {
  id: string;
  colour: string;
  start: number;
  end: number;
}

export interface CoLayout {
  width: number;
  height: number;
  cell: number;
  /** Where the cells start: right of the row labels, below the column labels. */
  left: number;
  top: number;
  fontSize: number;
  items: CoItem[];
  /** One cell per ordered pair, so the matrix is symmetric; the diagonal stays empty. */
  cells: CoCell[];
  groups: CoGroup[];
  max: number;
}

const round = (n: number) => Math.round(n * 100) / 100;

/** Lays out `pairs` between `items` (in codebook order) on a grid of `cell`-sized squares. */
export function layoutCooccurrence(
  items: MatrixItem[],
  pairs: Pair[],
  options: { cell: number; fontSize: number; maxLabel?: number },
): CoLayout {
  const { cell, fontSize, maxLabel = 220 } = options;
  const texts = items.map((it) => wrapLabel(it.label, maxLabel, fontSize, 1)[0] ?? '');
  const labelRoom = Math.ceil(Math.max(0, ...texts.map((t) => estimateWidth(t, fontSize)))) + 10;
  const left = labelRoom + 6;
  const top = labelRoom + 6;
  const index = new Map(items.map((it, i) => [it.id, i]));
  const known = pairs.filter((p) => index.has(p.a) && index.has(p.b) && p.a !== p.b && p.excerpts > 0);
  const max = Math.max(1, ...known.map((p) => p.excerpts));
  const cells = known
    .flatMap((p) => {
      const [i, j] = [index.get(p.a)!, index.get(p.b)!];
      const same = items[i].group === items[j].group;
      const opacity = round(0.15 + 0.85 * Math.sqrt(p.excerpts / max));
      const colour = same ? items[i].colour : null;
      return [
        [i, j],
        [j, i],
      ].map(([r, c]) => ({
        a: items[r].id,
        b: items[c].id,
        x: left + c * cell,
        y: top + r * cell,
        excerpts: p.excerpts,
        opacity,
        colour,
      }));
    })
    .sort((p, q) => p.y - q.y || p.x - q.x);
  const groups: CoGroup[] = [];
  items.forEach((it, i) => {
    const last = groups.at(-1);
    if (last?.id === it.group) last.end = i + 1;
    else groups.push({ id: it.group, colour: it.colour, start: i, end: i + 1 });
  });
  return {
    width: left + items.length * cell + 2,
    height: top + items.length * cell + 2,
    cell,
    left,
    top,
    fontSize,
    items: items.map((it, i) => ({
      ...it,
      index: i,
      text: texts[i],
      x: round(left + i * cell + cell / 2),
      y: round(top + i * cell + cell / 2),
    })),
    cells,
    groups,
    max,
  };
}

/** The pairs voiced together in at least `threshold` excerpts (what the control shows). */
export function pairsAtLeast(pairs: Pair[], threshold: number): Pair[] {
  return pairs.filter((p) => p.excerpts >= threshold);
}

/**
 * The most rows (and columns) the co-occurrence matrix draws. A matrix of 500 codes drew 31,810
 * cells: a page of 11 MB (640 KB gzipped, against a 40 KB budget) that no phone scrolls through
 * and no reader can compare across; 40 codes at 18 px a cell are about the width of a laptop
 * screen. Past this, the matrix draws the codes coded on the most excerpts, and says so.
 */
export const MATRIX_ITEMS = 40;
/** The most pairs the matrix's table twin lists: the pairs coded together most often, past it. */
export const TABLE_PAIRS = 200;

/**
 * The `limit` items coded on the most excerpts (ties: the earlier in `items`), kept in the order
 * of `items` (the codebook's, so that each theme's codes stay one block); all of them when they fit.
 */
export function mostCoded<T extends { id: string }>(
  items: T[],
  excerptsOf: (id: string) => number,
  limit = MATRIX_ITEMS,
): T[] {
  if (items.length <= limit) return items;
  const kept = new Set(
    items
      .map((it, i) => ({ it, i, n: excerptsOf(it.id) }))
      .sort((p, q) => q.n - p.n || p.i - q.i)
      .slice(0, limit)
      .map((x) => x.it.id),
  );
  return items.filter((it) => kept.has(it.id));
}
