import { describe, expect, it } from 'vitest';
import { layoutParticipantMatrix } from './participant-matrix-layout.ts';

const themes = [
  { id: 'trust', label: 'Trust and doubt', colour: '#0072B2' },
  { id: 'work', label: 'Workload', colour: '#E69F00' },
];
const rows = [
  { participant: 'P01', attributes: { sector: 'Public' }, counts: [3, 0] },
  { participant: 'P02', attributes: { sector: 'Private' }, counts: [1, 2] },
  { participant: 'P03', attributes: { sector: 'Public' }, counts: [0, 4] },
];
const options = { width: 300, shownAttributes: ['sector'] };

describe('layoutParticipantMatrix', () => {
  it('keeps pseudonym order and adds each theme column up, without grouping (snapshot)', () => {
    const layout = layoutParticipantMatrix(rows, themes, null, options);
    expect(
      layout.rows.map(
        (r) => `${r.participant} y=${r.y} ${r.cells.map((c) => `${c.theme}=${c.value}@${c.x}/${c.opacity}`).join(' ')}`,
      ),
    ).toMatchInlineSnapshot(`
      [
        "P01 y=24.4 trust=3@72/0.68 work=0@186/0.08",
        "P02 y=48.4 trust=1@72/0.28 work=2@186/0.48",
        "P03 y=72.4 trust=0@72/0.08 work=4@186/0.88",
      ]
    `);
    expect(layout.columns.map((c) => [c.id, c.total, c.lines])).toMatchInlineSnapshot(`
      [
        [
          "trust",
          4,
          [
            "Trust and doubt",
          ],
        ],
        [
          "work",
          6,
          [
            "Workload",
          ],
        ],
      ]
    `);
    expect(layout.groups).toEqual([]);
  });

  it('groups rows by a shown attribute, in the order given, with the group sizes', () => {
    const layout = layoutParticipantMatrix(
      rows,
      themes,
      { attribute: 'sector', label: 'Sector', order: ['Public', 'Private'] },
      options,
    );
    expect(layout.groups.map((g) => [g.value, g.participants])).toEqual([
      ['Public', 2],
      ['Private', 1],
    ]);
    expect(layout.rows.map((r) => r.participant)).toEqual(['P01', 'P03', 'P02']);
    expect(layout.rows[0].y).toBeGreaterThan(layout.groups[0].y);
    expect(layout.groups[1].y).toBeGreaterThan(layout.rows[1].y);
  });

  it('refuses to group by an attribute the privacy settings do not show', () => {
    expect(() =>
      layoutParticipantMatrix(rows, themes, { attribute: 'gender', label: 'Gender' }, options),
    ).toThrowErrorMatchingInlineSnapshot(
      `[Error: participant matrix: cannot group by "gender": the study's privacy settings show only "sector"]`,
    );
  });
});
