import { describe, expect, it } from 'vitest';
import { groupRows, layoutParticipantMatrix } from './participant-matrix-layout.ts';

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

describe('groupRows', () => {
  it('adds up the counts of each group, in the order given, and counts who voiced each theme', () => {
    const grouped = groupRows(rows, 2, { attribute: 'sector', label: 'Sector', order: ['Public', 'Private'] });
    expect(grouped).toEqual([
      { participant: 'Public', attributes: { sector: 'Public' }, counts: [3, 4], participants: 2, voiced: [1, 1] },
      { participant: 'Private', attributes: { sector: 'Private' }, counts: [1, 2], participants: 1, voiced: [1, 1] },
    ]);
  });

  it('puts a participant without the value in "Not shown", and everyone in one row without a grouping', () => {
    const withMissing = [...rows, { participant: 'P04', attributes: {}, counts: [0, 1] }];
    expect(
      groupRows(withMissing, 2, { attribute: 'sector', label: 'Sector' }).map((g) => [g.participant, g.participants]),
    ).toEqual([
      ['Not shown', 1],
      ['Private', 1],
      ['Public', 2],
    ]);
    expect(groupRows(withMissing, 2, null, 'All participants')).toEqual([
      { participant: 'All participants', attributes: {}, counts: [4, 7], participants: 4, voiced: [2, 3] },
    ]);
  });

  it('gives group names the room they need left of the cells, pseudonyms six ems', () => {
    const named = groupRows(rows, 2, null, 'Every participant of the study (3)');
    expect(layoutParticipantMatrix(named, themes, null, options).left).toBeGreaterThan(72);
    expect(layoutParticipantMatrix(rows, themes, null, options).left).toBe(72);
  });
});
