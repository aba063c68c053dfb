/**
 * The theme map: the codebook (themes -> subthemes -> codes) as an icicle. Each level is a column,
 * each node a band whose height is its share of the excerpts (or participants) of the codes under
 * it. An icicle keeps every label horizontal and full-width, so it reads at 40 codes and, with the
 * size rule in label-fit.ts and zooming into a branch, at 300.
 */
import { hierarchy, partition } from 'd3-hierarchy';
import { type TextMetrics, estimateWidth, labelFits, wrapLabel } from './label-fit.ts';

/** What the map can be sized by. */
export type Measure = 'excerpts' | 'participants';
export const MEASURES: readonly Measure[] = ['excerpts', 'participants'];

export interface Count {
  participants: number;
  excerpts: number;
}
interface Described {
  id: string;
  label: string;
  definition?: string;
  count: Count;
}
/** A theme as the site's data has it. */
export interface MapTheme extends Described {
  colour: string;
  subthemes: (Described & { codes: Described[] })[];
}

export type NodeKind = 'theme' | 'subtheme' | 'code';
const KINDS: NodeKind[] = ['theme', 'subtheme', 'code'];

/** One band of the icicle. Bands give [y0, y1] per measure; the column [x0, x1] is fixed. */
export interface MapNode {
  id: string;
  kind: NodeKind;
  /** 1 for themes, 2 for subthemes, 3 for codes (aria-level). */
  depth: number;
  parentId: string | null;
  themeId: string;
  colour: string;
  label: string;
  definition: string;
  count: Count;
  /** Position among its siblings (1-based) and their number, for aria-posinset and aria-setsize. */
  posinset: number;
  setsize: number;
  x0: number;
  x1: number;
  bands: Record<Measure, [number, number]>;
  /** The label broken to fit the column, beside room for the count unless the count goes below. */
  lines: string[];
  /** The count is drawn on a line of its own under the label, rather than at the band's right. */
  countBelow: boolean;
}

export interface MapLayout {
  width: number;
  height: number;
  metrics: TextMetrics;
  nodes: MapNode[];
}

export interface MapOptions {
  width: number;
  /** Fixed height; by default it grows with the number of codes, within [minHeight, maxHeight]. */
  height?: number;
  minHeight?: number;
  maxHeight?: number;
  /** Height per code when the height is automatic. */
  perCode?: number;
  /** Share of the width taken by the theme, subtheme and code columns. */
  columns?: [number, number, number];
  metrics?: TextMetrics;
  /** Most lines a label may wrap to before it is cut with an ellipsis. */
  maxLines?: number;
  /** Put theme and subtheme counts under their labels (for narrow columns), codes' still at the right. */
  branchCountsBelow?: boolean;
}

type Datum = Described & { kind?: NodeKind; colour?: string; children?: Datum[] };

const round = (n: number) => Math.round(n * 100) / 100;

/** Lays out the icicle for `themes`; node order is the codebook's, depth first (the keyboard order). */
export function layoutThemeMap(themes: MapTheme[], options: MapOptions): MapLayout {
  const {
    width,
    columns = [0.22, 0.26, 0.52],
    metrics = { fontSize: 12, lineHeight: 13, pad: 1 },
    maxLines = 3,
    branchCountsBelow = false,
  } = options;
  const codes = themes.reduce((n, t) => n + t.subthemes.reduce((m, s) => m + s.codes.length, 0), 0);
  const height =
    options.height ??
    Math.round(Math.min(options.maxHeight ?? 960, Math.max(options.minHeight ?? 360, codes * (options.perCode ?? 22))));
  const root: Datum = {
    id: '',
    label: '',
    count: { participants: 0, excerpts: 0 },
    children: themes.map((t) => ({
      ...t,
      kind: 'theme',
      children: t.subthemes.map((s) => ({
        ...s,
        kind: 'subtheme',
        children: s.codes.map((c) => ({ ...c, kind: 'code' })),
      })),
    })),
  };
  const bands = Object.fromEntries(
    MEASURES.map((m) => {
      const tree = partition<Datum>().size([height, 4])(
        hierarchy(root).sum((d) => (d.children?.length ? 0 : d.count[m])),
      );
      return [m, new Map(tree.descendants().map((n) => [n.data, [round(n.x0), round(n.x1)] as [number, number]]))];
    }),
  ) as Record<Measure, Map<Datum, [number, number]>>;
  const edges = [0, ...columns.map((_, i) => columns.slice(0, i + 1).reduce((a, b) => a + b, 0) * width)];
  const countRoom = (d: Datum) =>
    Math.max(...MEASURES.map((m) => estimateWidth(String(d.count[m]), metrics.fontSize))) + metrics.pad * 2;
  const nodes: MapNode[] = [];
  hierarchy(root).eachBefore((n) => {
    if (n.depth === 0) return;
    const theme = n.ancestors().at(-2)!.data;
    const x0 = round(edges[n.depth - 1]);
    const x1 = round(edges[n.depth]);
    const siblings = n.parent!.children!;
    const countBelow = branchCountsBelow && n.depth < 3;
    nodes.push({
      id: n.data.id,
      kind: KINDS[n.depth - 1],
      depth: n.depth,
      parentId: n.depth > 1 ? n.parent!.data.id : null,
      themeId: theme.id,
      colour: theme.colour ?? 'currentColor',
      label: n.data.label,
      definition: n.data.definition ?? '',
      count: n.data.count,
      posinset: siblings.indexOf(n) + 1,
      setsize: siblings.length,
      x0,
      x1,
      bands: { excerpts: bands.excerpts.get(n.data)!, participants: bands.participants.get(n.data)! },
      lines: wrapLabel(
        n.data.label,
        x1 - x0 - metrics.pad * 2 - 3 - (countBelow ? 0 : countRoom(n.data)),
        metrics.fontSize,
        maxLines,
      ),
      countBelow,
    });
  });
  return { width, height, metrics, nodes };
}

/** Lines a node's text takes: its label, and its count when that goes below. */
export function lineCount(node: MapNode): number {
  return node.lines.length + (node.countBelow ? 1 : 0);
}

/** Whether a node's label (and count) is drawn when the map is sized by `measure` (and not zoomed). */
export function isLabelShown(node: MapNode, measure: Measure, metrics: TextMetrics): boolean {
  const [y0, y1] = node.bands[measure];
  return labelFits(y1 - y0, lineCount(node), metrics);
}
