import { describe, expect, it } from 'vitest';
import { layoutThemeMap, lineCount } from '../charts/theme-map-layout.ts';
import { syntheticCodebook } from '../charts/synthetic-codebook.ts';
import { type MapNode, type MapState, type MapView, bandOf, labelShown, zoomToReveal } from './map-model.ts';

/** The view the client would read back from the drawn SVG, built straight from the layout. */
function viewOf(codes: number): MapView {
  const layout = layoutThemeMap(syntheticCodebook(codes), {
    width: 960,
    perCode: 24,
    maxHeight: 960,
    metrics: { fontSize: 12, lineHeight: 13, pad: 1 },
  });
  const byId = new Map<string, MapNode>();
  const nodes = layout.nodes.map((n) => {
    const node = {
      id: n.id,
      kind: n.kind,
      label: n.label,
      parent: byId.get(n.parentId ?? '') ?? null,
      children: [],
      bands: n.bands,
      count: n.count,
      lines: lineCount(n),
    } as unknown as MapNode;
    node.parent?.children.push(node);
    byId.set(n.id, node);
    return node;
  });
  return { svg: null as unknown as SVGSVGElement, height: layout.height, metrics: layout.metrics, nodes, byId };
}

const whole: MapState = { measure: 'excerpts', zoom: '' };

describe('zooming the 300-code map', () => {
  const view = viewOf(300);
  const codes = view.nodes.filter((n) => n.kind === 'code');

  it('fills the height with the zoomed node and pushes what lies outside it to nothing', () => {
    const sub = view.byId.get('t2-s1')!;
    const state = { ...whole, zoom: sub.id };
    for (const node of [sub, sub.parent!]) {
      const [y0, y1] = bandOf(view, node, state);
      expect(y0).toBe(0);
      expect(y1).toBeCloseTo(view.height, 6);
    }
    const [y0, y1] = bandOf(view, view.byId.get('t1')!, state);
    expect(y1 - y0).toBe(0);
  });

  it('labels no code at the whole-map view but three in four codes once their subtheme is zoomed into', () => {
    expect(codes.filter((c) => labelShown(view, c, whole))).toHaveLength(0);
    const labelled = codes.filter((c) => labelShown(view, c, { ...whole, zoom: c.parent!.id }));
    expect(labelled.length / codes.length).toBeGreaterThan(0.75);
  });

  it('moves the keyboard focus to a zoom that shows the focused label, as wide as possible', () => {
    for (const code of codes) {
      const zoom = zoomToReveal(view, code, whole);
      const options = ['', code.parent!.parent!.id, code.parent!.id];
      expect(options).toContain(zoom);
      const wider = options.slice(0, options.indexOf(zoom));
      for (const w of wider) expect(labelShown(view, code, { ...whole, zoom: w })).toBe(false);
    }
    expect(zoomToReveal(view, view.byId.get('t3')!, { ...whole, zoom: 't1-s2' })).toBe('');
  });

  it('keeps the current zoom while the focused node is inside it and labelled', () => {
    const sub = view.byId.get('t4-s2')!;
    const state = { ...whole, zoom: sub.id };
    const shownCode = sub.children.find((c) => labelShown(view, c, state))!;
    expect(zoomToReveal(view, shownCode, state)).toBe(sub.id);
    expect(zoomToReveal(view, sub.parent!, state)).toBe(sub.id);
  });
});
