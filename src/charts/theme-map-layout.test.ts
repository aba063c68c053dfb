import { describe, expect, it } from 'vitest';
import { estimateWidth, firstBaseline, labelFits } from './label-fit.ts';
import {
  type MapLayout,
  type MapTheme,
  MEASURES,
  isLabelShown,
  layoutThemeMap,
  lineCount,
} from './theme-map-layout.ts';
import { syntheticCodebook } from './synthetic-codebook.ts';

const count = (excerpts: number, participants: number) => ({ excerpts, participants });
/** Two themes, three subthemes, five codes: small enough to read the snapshot. */
const tiny: MapTheme[] = [
  {
    id: 'trust',
    label: 'Trust and doubt',
    colour: '#0072B2',
    count: count(9, 5),
    subthemes: [
      {
        id: 'doubt',
        label: 'Doubt',
        count: count(6, 4),
        codes: [
          { id: 'error', label: 'Saw an error', count: count(4, 3) },
          { id: 'opaque', label: 'Cannot see how it decides', count: count(2, 2) },
        ],
      },
      {
        id: 'earned',
        label: 'Trust is earned locally',
        count: count(3, 3),
        codes: [{ id: 'audit', label: 'Local audit', count: count(3, 3) }],
      },
    ],
  },
  {
    id: 'work',
    label: 'Workload',
    colour: '#E69F00',
    count: count(7, 4),
    subthemes: [
      {
        id: 'time',
        label: 'Time',
        count: count(7, 4),
        codes: [
          { id: 'saved', label: 'Time saved', count: count(5, 4) },
          { id: 'lost', label: 'Time lost checking', count: count(2, 1) },
        ],
      },
    ],
  },
];
const r1 = (n: number) => Math.round(n * 10) / 10;

/** Estimated boxes of the label and count of every node whose label is drawn, placed as ThemeMap.astro places them. */
function drawnBoxes(layout: MapLayout, measure: 'excerpts' | 'participants') {
  const { fontSize, lineHeight, pad } = layout.metrics;
  return layout.nodes
    .filter((n) => isLabelShown(n, measure, layout.metrics))
    .flatMap((n) => {
      const [y0, y1] = n.bands[measure];
      const base = firstBaseline(y0, y1, lineCount(n), layout.metrics, n.kind === 'code');
      const top = base - fontSize * 0.8;
      const width = Math.max(...n.lines.map((l) => estimateWidth(l, fontSize)));
      const countWidth = estimateWidth(String(n.count[measure]), fontSize);
      const countBase = base + (n.countBelow ? n.lines.length * lineHeight : 0);
      const countX = n.countBelow ? n.x0 + pad + 3 : n.x1 - pad - 2 - countWidth;
      return [
        {
          id: `${n.id} label`,
          x0: n.x0 + pad + 3,
          x1: n.x0 + pad + 3 + width,
          y0: top,
          y1: base + (n.lines.length - 1) * lineHeight + fontSize * 0.25,
          band: [n.x0, n.x1, y0, y1],
        },
        {
          id: `${n.id} count`,
          x0: countX,
          x1: countX + countWidth,
          y0: countBase - fontSize * 0.8,
          y1: countBase + fontSize * 0.25,
          band: [n.x0, n.x1, y0, y1],
        },
      ];
    });
}

describe('layoutThemeMap', () => {
  it('lays out a tiny codebook as columns of nested bands (snapshot)', () => {
    const layout = layoutThemeMap(tiny, { width: 600, height: 160 });
    expect(
      layout.nodes.map(
        (n) =>
          `${'  '.repeat(n.depth - 1)}${n.id} x ${r1(n.x0)}-${r1(n.x1)} excerpts ${n.bands.excerpts.map(r1).join('-')} participants ${n.bands.participants.map(r1).join('-')} ${n.posinset}/${n.setsize} [${n.lines.join(' | ')}]`,
      ),
    ).toMatchInlineSnapshot(`
      [
        "trust x 0-132 excerpts 0-90 participants 0-98.5 1/2 [Trust and doubt]",
        "  doubt x 132-288 excerpts 0-60 participants 0-61.5 1/2 [Doubt]",
        "    error x 288-600 excerpts 0-40 participants 0-36.9 1/2 [Saw an error]",
        "    opaque x 288-600 excerpts 40-60 participants 36.9-61.5 2/2 [Cannot see how it decides]",
        "  earned x 132-288 excerpts 60-90 participants 61.5-98.5 2/2 [Trust is earned | locally]",
        "    audit x 288-600 excerpts 60-90 participants 61.5-98.5 1/1 [Local audit]",
        "work x 0-132 excerpts 90-160 participants 98.5-160 2/2 [Workload]",
        "  time x 132-288 excerpts 90-160 participants 98.5-160 1/1 [Time]",
        "    saved x 288-600 excerpts 90-140 participants 98.5-147.7 1/2 [Time saved]",
        "    lost x 288-600 excerpts 140-160 participants 147.7-160 2/2 [Time lost checking]",
      ]
    `);
  });

  it('tiles each parent band exactly with its children, in codebook order, for both measures', () => {
    const layout = layoutThemeMap(syntheticCodebook(60, 5), { width: 960 });
    for (const measure of MEASURES) {
      for (const parent of layout.nodes.filter((n) => n.kind !== 'code')) {
        const children = layout.nodes.filter((n) => n.parentId === parent.id);
        expect(children[0].bands[measure][0]).toBeCloseTo(parent.bands[measure][0], 1);
        expect(children.at(-1)!.bands[measure][1]).toBeCloseTo(parent.bands[measure][1], 1);
        for (let i = 1; i < children.length; i++)
          expect(children[i].bands[measure][0]).toBeCloseTo(children[i - 1].bands[measure][1], 1);
      }
    }
  });

  it('sizes code bands in proportion to the chosen count', () => {
    const layout = layoutThemeMap(tiny, { width: 600, height: 160 });
    const height = (id: string, m: 'excerpts' | 'participants') => {
      const [a, b] = layout.nodes.find((n) => n.id === id)!.bands[m];
      return b - a;
    };
    expect(height('error', 'excerpts') / height('opaque', 'excerpts')).toBeCloseTo(4 / 2, 1);
    expect(height('saved', 'participants') / height('audit', 'participants')).toBeCloseTo(4 / 3, 1);
  });

  it('grows with the codebook, within its bounds', () => {
    expect(layoutThemeMap(tiny, { width: 600 }).height).toBe(360);
    expect(layoutThemeMap(syntheticCodebook(30), { width: 600, perCode: 24 }).height).toBe(720);
    expect(layoutThemeMap(syntheticCodebook(300), { width: 600 }).height).toBe(960);
  });
});

const WIDE = { width: 960, perCode: 24, maxHeight: 960, metrics: { fontSize: 12, lineHeight: 13, pad: 1 } };
const NARROW = {
  width: 360,
  perCode: 30,
  maxHeight: 1200,
  columns: [0.25, 0.28, 0.47] as [number, number, number],
  metrics: { fontSize: 11, lineHeight: 12, pad: 1.5 },
  maxLines: 4,
  branchCountsBelow: true,
};

describe('a generated 300-code codebook', () => {
  const themes = syntheticCodebook(300);
  const started = performance.now();
  const layout = layoutThemeMap(themes, WIDE);
  const elapsed = performance.now() - started;
  const narrow = layoutThemeMap(themes, NARROW);
  const cases = MEASURES.flatMap((measure) => [
    { variant: 'wide', layout, measure },
    { variant: 'narrow', layout: narrow, measure },
  ]);

  it('has 300 codes and lays them out in well under a second', () => {
    expect(layout.nodes.filter((n) => n.kind === 'code')).toHaveLength(300);
    expect(elapsed).toBeLessThan(1000);
  });

  it.each(cases)(
    'draws a label only inside its own band and column ($variant, sized by $measure)',
    ({ layout: l, measure }) => {
      for (const box of drawnBoxes(l, measure)) {
        const [bx0, bx1, by0, by1] = box.band;
        expect(box.x0 >= bx0 && box.x1 <= bx1 && box.y0 >= by0 - 0.5 && box.y1 <= by1 + 0.5, box.id).toBe(true);
      }
    },
  );

  it.each(cases)('never draws two texts over each other ($variant, sized by $measure)', ({ layout: l, measure }) => {
    const boxes = drawnBoxes(l, measure);
    const overlaps = boxes.flatMap((a, i) =>
      boxes
        .slice(i + 1)
        .filter((b) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1)
        .map((b) => `${a.id} / ${b.id}`),
    );
    expect(overlaps).toEqual([]);
  });

  it('hides a label exactly when its band is shorter than its lines need', () => {
    const { lineHeight, pad } = layout.metrics;
    for (const n of layout.nodes) {
      const [y0, y1] = n.bands.excerpts;
      expect(isLabelShown(n, 'excerpts', layout.metrics)).toBe(y1 - y0 >= lineCount(n) * lineHeight + 2 * pad);
    }
    // The rule bites at this size: every theme is labelled, the codes wait for a zoom.
    const shown = (kind: string) =>
      layout.nodes.filter((n) => n.kind === kind && isLabelShown(n, 'excerpts', layout.metrics)).length;
    expect(shown('theme')).toBe(8);
    expect(shown('code')).toBeLessThan(300);
  });

  it('keeps every label within its column, cutting what does not fit with an ellipsis', () => {
    for (const [l, max] of [
      [layout, 3],
      [narrow, 4],
    ] as const) {
      for (const n of l.nodes) {
        for (const line of n.lines) expect(estimateWidth(line, l.metrics.fontSize)).toBeLessThanOrEqual(n.x1 - n.x0);
        expect(n.lines.length).toBeLessThanOrEqual(max);
      }
    }
    expect(labelFits(100, 0, layout.metrics)).toBe(false);
  });
});
