/**
 * Theme colours: a colour for every theme the codebook gives none, and a check of the ones it
 * gives. A theme colour fills bars, stripes and map bands on the light and on the dark page, so it
 * must stand out from both (WCAG 2.2, 1.4.11: at least 3:1 for graphics). That holds for colours
 * of relative luminance between about 0.13 and 0.29: mid tones, never black. Generated colours are
 * mid tones picked one by one to be as far as possible (in CIELAB) from every colour already used,
 * so 12 or 20 themes still get colours that are told apart. d3-color does the colour space maths.
 */
import { hsl, lab, rgb } from 'd3-color';

/** The page backgrounds of src/styles/global.css, light and dark. */
export const PAGE_BACKGROUNDS = { light: '#fdfcf9', dark: '#16181c' } as const;
/** WCAG's minimum contrast for graphical objects. */
export const MIN_CONTRAST = 3;

/** WCAG relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const { r, g, b } = rgb(hex);
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** WCAG contrast ratio of two colours. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** The page modes in which a colour falls short of 3:1 against the background, with its ratio. */
export function contrastShortfalls(colour: string): { mode: keyof typeof PAGE_BACKGROUNDS; ratio: number }[] {
  return (Object.keys(PAGE_BACKGROUNDS) as (keyof typeof PAGE_BACKGROUNDS)[])
    .map((mode) => ({ mode, ratio: contrast(colour, PAGE_BACKGROUNDS[mode]) }))
    .filter((c) => c.ratio < MIN_CONTRAST);
}

/** The HSL colour of hue `h` and saturation `s` whose luminance is `target` (lightness by bisection). */
function atLuminance(h: number, s: number, target: number): string {
  let [lo, hi] = [0, 1];
  for (let i = 0; i < 30; i++) {
    const mid = (lo + hi) / 2;
    if (luminance(hsl(h, s, mid).formatHex()) < target) lo = mid;
    else hi = mid;
  }
  return hsl(h, s, (lo + hi) / 2).formatHex();
}

/** Candidate colours: every 5 degrees of hue at three mid-tone luminances, each meeting 3:1 on both pages. */
const CANDIDATES: string[] = (() => {
  const out: string[] = [];
  for (const target of [0.16, 0.21, 0.26]) for (let h = 0; h < 360; h += 5) out.push(atLuminance(h, 0.75, target));
  return [...new Set(out)].filter((c) => contrastShortfalls(c).length === 0);
})();

/** Distance of two colours in CIELAB (CIE76 ΔE). */
export function colourDistance(a: string, b: string): number {
  const [x, y] = [lab(a), lab(b)];
  return Math.hypot(x.l - y.l, x.a - y.a, x.b - y.b);
}

/**
 * `count` new colours, each as far as possible from every colour in `taken` and from the ones
 * picked before it. Deterministic: the same input gives the same colours, in #rrggbb.
 */
export function generateColours(count: number, taken: string[] = []): string[] {
  const used = [...taken];
  const picked: string[] = [];
  for (let i = 0; i < count; i++) {
    let best = CANDIDATES[0];
    let bestDistance = -1;
    for (const c of CANDIDATES) {
      const d = used.length ? Math.min(...used.map((u) => colourDistance(c, u))) : 0;
      if (d > bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    picked.push(best);
    used.push(best);
  }
  return picked;
}

/**
 * Every theme with a colour: the ones the codebook sets, kept as set, and generated ones for the
 * rest; with a warning for each set colour that falls short of 3:1 on the light or dark page.
 */
export function colourThemes<T extends { id: string; colour?: string }>(
  themes: T[],
  file = 'codebook.yaml',
): { themes: (T & { colour: string })[]; warnings: string[] } {
  const set = themes.flatMap((t) => (t.colour ? [t.colour] : []));
  const fresh = generateColours(themes.filter((t) => !t.colour).length, set);
  const warnings = themes.flatMap((t) =>
    t.colour
      ? contrastShortfalls(t.colour).map(
          ({ mode, ratio }) =>
            `${file} theme "${t.id}" colour ${t.colour}: contrast ${ratio.toFixed(2)}:1 against the ${mode} page, expected at least ${MIN_CONTRAST}:1 (kept as set; bars and stripes in that colour are hard to see)`,
        )
      : [],
  );
  let next = 0;
  return { themes: themes.map((t) => ({ ...t, colour: t.colour ?? fresh[next++] })), warnings };
}
