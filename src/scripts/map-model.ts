/**
 * The theme map as the client sees it: nodes read back from the SVG that Astro wrote (geometry in
 * data attributes), and the zoom arithmetic. No layout happens in the browser.
 */
import { labelFits, type TextMetrics } from '../charts/label-fit.ts';

export type Measure = 'excerpts' | 'participants';

export interface MapNode {
  el: SVGAElement;
  id: string;
  kind: string;
  label: string;
  parent: MapNode | null;
  children: MapNode[];
  bands: Record<Measure, [number, number]>;
  count: Record<Measure, number>;
  rect: SVGRectElement;
  text: SVGTextElement;
  countText: SVGTextElement;
  lines: number;
}

export interface MapView {
  svg: SVGSVGElement;
  height: number;
  metrics: TextMetrics;
  nodes: MapNode[];
  byId: Map<string, MapNode>;
}

/** What the map shows: the size measure and the node zoomed into ('' for the whole map). */
export interface MapState {
  measure: Measure;
  zoom: string;
}

const pair = (s: string | undefined) => (s ?? '0 0').split(' ').map(Number) as [number, number];

/** Reads one drawn variant of the map. */
export function readMap(svg: SVGSVGElement): MapView {
  const d = svg.dataset;
  const metrics = { fontSize: Number(d.fontSize), lineHeight: Number(d.lineHeight), pad: Number(d.pad) };
  const byId = new Map<string, MapNode>();
  const nodes = [...svg.querySelectorAll<SVGAElement>('.map-node')].map((el) => {
    const n: MapNode = {
      el,
      id: el.dataset.id!,
      kind: el.dataset.kind!,
      label: el.dataset.label!,
      parent: byId.get(el.dataset.parent!) ?? null,
      children: [],
      bands: { excerpts: pair(el.dataset.e), participants: pair(el.dataset.p) },
      count: { excerpts: Number(el.dataset.excerpts), participants: Number(el.dataset.participants) },
      rect: el.querySelector('rect')!,
      text: el.querySelector('.map-label')!,
      countText: el.querySelector('.map-count')!,
      lines: Number(el.querySelector<SVGTextElement>('.map-label')!.dataset.lines),
    };
    n.parent?.children.push(n);
    byId.set(n.id, n);
    return n;
  });
  return { svg, height: Number(d.height), metrics, nodes, byId };
}

/** The node's band under `state`, clipped to the map: a zoomed node fills the height. */
export function bandOf(view: MapView, node: MapNode, state: MapState): [number, number] {
  const focus = view.byId.get(state.zoom);
  const [f0, f1] = focus ? focus.bands[state.measure] : [0, view.height];
  const k = f1 > f0 ? view.height / (f1 - f0) : 1;
  const [y0, y1] = node.bands[state.measure];
  const clip = (y: number) => Math.max(0, Math.min(view.height, (y - f0) * k));
  return [clip(y0), clip(y1)];
}

/** Whether the node's label is drawn under `state` (the same rule as at build time). */
export function labelShown(view: MapView, node: MapNode, state: MapState): boolean {
  const [y0, y1] = bandOf(view, node, state);
  return labelFits(y1 - y0, node.lines, view.metrics);
}

/** The node and its ancestors, from the theme down. */
export function lineage(node: MapNode): MapNode[] {
  const chain: MapNode[] = [];
  for (let n: MapNode | null = node; n; n = n.parent) chain.unshift(n);
  return chain;
}

/**
 * The zoom that shows `node` with its label: the current one when it already does, else the
 * widest view (whole map, then its theme, then its subtheme) in which the label fits.
 */
export function zoomToReveal(view: MapView, node: MapNode, state: MapState): string {
  const zoomed = view.byId.get(state.zoom);
  const inside = !zoomed || lineage(node).includes(zoomed) || lineage(zoomed).includes(node);
  if (inside && labelShown(view, node, state)) return state.zoom;
  const options = [
    '',
    ...lineage(node)
      .slice(0, -1)
      .map((n) => n.id),
  ];
  return options.find((zoom) => labelShown(view, node, { ...state, zoom })) ?? options.at(-1)!;
}
