import { describe, expect, it } from 'vitest';
import { estimateWidth, firstBaseline, labelFits, wrapLabel } from './label-fit.ts';

const m = { fontSize: 12, lineHeight: 13, pad: 1 };

describe('wrapLabel', () => {
  it('breaks at spaces, keeps short labels whole, and cuts what is left after the last line', () => {
    expect(wrapLabel('Time saved', 200, 12)).toEqual(['Time saved']);
    expect(wrapLabel('Leadership and management support', 100, 12)).toMatchInlineSnapshot(`
      [
        "Leadership and",
        "management",
        "support",
      ]
    `);
    expect(wrapLabel('Conditions for sustainable integration of clinical AI in district hospitals', 100, 12, 2))
      .toMatchInlineSnapshot(`
      [
        "Conditions for",
        "sustainable in…",
      ]
    `);
  });

  it('cuts a single word longer than the line with an ellipsis', () => {
    const [line] = wrapLabel('Psychosocialmodifierwithoutspaces', 60, 12);
    expect(line.endsWith('…')).toBe(true);
    expect(estimateWidth(line, 12)).toBeLessThanOrEqual(60);
  });

  it('estimates capitals and wide letters wider than narrow ones', () => {
    expect(estimateWidth('WWW', 12)).toBeGreaterThan(estimateWidth('iii', 12) * 2);
    expect(estimateWidth('Trust', 24)).toBeCloseTo(estimateWidth('Trust', 12) * 2, 6);
  });
});

describe('the label rule', () => {
  it('draws a label only when the band holds all its lines and padding', () => {
    expect(labelFits(15, 1, m)).toBe(true);
    expect(labelFits(14.9, 1, m)).toBe(false);
    expect(labelFits(28, 2, m)).toBe(true);
    expect(labelFits(27.9, 2, m)).toBe(false);
  });

  it('puts a branch label at the top of its band and centres a leaf label', () => {
    expect(firstBaseline(100, 200, 1, m, false)).toBeLessThan(firstBaseline(100, 200, 1, m, true));
    expect(firstBaseline(100, 200, 1, m, true)).toBeCloseTo(150 + m.fontSize * 0.35, 1);
  });
});
