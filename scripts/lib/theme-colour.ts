/**
 * A colour for a theme that codebook.yaml gives none (the importer leaves it out once the
 * Okabe-Ito palette is used up): hues a golden angle apart, mid saturation and lightness, so
 * every theme gets its own colour, readable on white, the same one on every build.
 */

/** `#rrggbb` for the theme at `index`. */
export function themeColour(index: number): string {
  const h = (200 + index * 137.508) % 360;
  const [s, l] = [0.55, 0.42];
  const k = (n: number) => (n + h / 30) % 12;
  const f = (n: number) => l - s * Math.min(l, 1 - l) * Math.max(-1, Math.min(k(n) - 3, 9 - k(n), 1));
  return `#${[0, 8, 4].map((n) => Math.round(f(n) * 255).toString(16).padStart(2, '0')).join('').toUpperCase()}`;
}
