import { describe, expect, it } from 'vitest';
import { buildContent } from '../build-content.ts';
import { readStudyFolder } from './study-files.ts';
import {
  colourDistance,
  colourThemes,
  contrast,
  generateColours,
  luminance,
  PAGE_BACKGROUNDS,
} from './theme-colours.ts';

const themes = (n: number, colours: Record<number, string> = {}) =>
  Array.from({ length: n }, (_, i) => ({ id: `theme-${i + 1}`, ...(colours[i] ? { colour: colours[i] } : {}) }));
const minDistance = (colours: string[]) =>
  Math.min(...colours.flatMap((a, i) => colours.slice(i + 1).map((b) => colourDistance(a, b))));

describe('generated theme colours', () => {
  it.each([12, 20])(
    'gives %i themes distinct colours that stand out on the light and the dark page, none black',
    (n) => {
      const { themes: coloured, warnings } = colourThemes(themes(n));
      const colours = coloured.map((t) => t.colour);
      expect(new Set(colours).size).toBe(n);
      // ΔE (CIE76) of 10 or more is a difference anyone sees side by side.
      expect(minDistance(colours)).toBeGreaterThanOrEqual(n <= 12 ? 25 : 15);
      for (const c of colours) {
        expect(c).toMatch(/^#[0-9a-f]{6}$/);
        expect(contrast(c, PAGE_BACKGROUNDS.light), c).toBeGreaterThanOrEqual(3);
        expect(contrast(c, PAGE_BACKGROUNDS.dark), c).toBeGreaterThanOrEqual(3);
        expect(luminance(c), `${c} is not black`).toBeGreaterThan(0.1);
      }
      expect(warnings).toEqual([]);
    },
  );

  it('is deterministic', () => {
    expect(generateColours(9)).toEqual(generateColours(9));
  });

  it('keeps the colours a team sets, warns about those that fall short, and generates the rest away from them', () => {
    const { themes: coloured, warnings } = colourThemes(themes(10, { 0: '#0072B2', 1: '#E69F00', 2: '#000000' }));
    expect(coloured.slice(0, 3).map((t) => t.colour)).toEqual(['#0072B2', '#E69F00', '#000000']);
    expect(warnings).toEqual([
      'codebook.yaml theme "theme-2" colour #E69F00: contrast 2.20:1 against the light page, expected at least 3:1 (kept as set; bars and stripes in that colour are hard to see)',
      'codebook.yaml theme "theme-3" colour #000000: contrast 1.18:1 against the dark page, expected at least 3:1 (kept as set; bars and stripes in that colour are hard to see)',
    ]);
    const generated = coloured.slice(3).map((t) => t.colour);
    for (const g of generated)
      expect(Math.min(...['#0072B2', '#E69F00'].map((c) => colourDistance(g, c))), g).toBeGreaterThan(10);
  });
});

describe('the content stage', () => {
  it('colours a theme the codebook leaves without one, keeps set colours, and warns about a weak one', () => {
    const tiny = readStudyFolder('scripts/fixtures/tiny-study');
    const codebook = tiny
      .codebook!.replace('    colour: "#0072B2"\n', '')
      .replace('colour: "#D55E00"', 'colour: "#F0E442"');
    const { generated, warnings } = buildContent({ ...tiny, codebook });
    const colours = (JSON.parse(generated['site.json']) as { themes: { id: string; colour: string }[] }).themes.map(
      (t) => [t.id, t.colour],
    );
    expect(colours).toEqual([
      ['speed', generateColours(1, ['#F0E442'])[0]],
      ['doubt', '#F0E442'],
    ]);
    expect(warnings).toEqual([
      'scripts/fixtures/tiny-study/codebook.yaml theme "doubt" colour #F0E442: contrast 1.29:1 against the light page, expected at least 3:1 (kept as set; bars and stripes in that colour are hard to see)',
    ]);
  });
});
