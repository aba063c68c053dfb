/**
 * The site's text face: Literata (a serif drawn for long-form reading on screens), self-hosted from
 * @fontsource and cut at build time to the characters the site's text uses (src/pages/fonts/), so
 * a page loads at most the three files below: about 34 KB in woff2 together, under the 40 KB budget
 * (scripts/e2e/reading.test.ts). Bold and italic keep only the characters of running text.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import subsetFont from 'subset-font';

/** One face of the text font: the file it is written to, and the @fontsource file it is cut from. */
export interface Face {
  file: string;
  weight: 400 | 700;
  style: 'normal' | 'italic';
  source: string;
  /** `all`: every character the site uses; `words`: letters, digits and the punctuation of running text (emphasis and headings need no more). */
  keep: 'all' | 'words';
}

export const FAMILY = 'Literata';

/** Regular, bold and italic; bold italic is rare enough for the browser to slant the bold. */
export const FACES: Face[] = [
  { file: 'literata-400', weight: 400, style: 'normal', source: 'literata-latin-400-normal.woff2', keep: 'all' },
  { file: 'literata-700', weight: 700, style: 'normal', source: 'literata-latin-700-normal.woff2', keep: 'words' },
  {
    file: 'literata-400-italic',
    weight: 400,
    style: 'italic',
    source: 'literata-latin-400-italic.woff2',
    keep: 'words',
  },
];

/** Scripts the text face does not draw: they keep their own faces (Urdu has Noto Nastaliq). */
const OTHER_SCRIPT =
  /[\p{Script=Arabic}\p{Script=Gurmukhi}\p{Script=Devanagari}\p{Script=Han}\p{Script=Cyrillic}\p{Script=Greek}]/u;

/**
 * The characters to keep: printable ASCII, the typographic marks the site writes, and every other
 * Latin character found in `texts` (the study's own words: names of places, accented letters).
 */
export function characterSet(texts: Iterable<string>, keep: Face['keep'] = 'all'): string {
  const chars = new Set<string>();
  for (let c = 0x20; c < 0x7f; c++)
    if (keep === 'all' || /[\p{L}\p{N} .,;:'"!?()&/%+-]/u.test(String.fromCharCode(c)))
      chars.add(String.fromCharCode(c));
  for (const c of '\u00a0\u00b7\u00d7\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u2022\u2190\u2192\u203a\u2039\u2212\u2003')
    chars.add(c);
  for (const text of texts)
    for (const c of text)
      if (c.codePointAt(0)! > 0x7f && !OTHER_SCRIPT.test(c) && !/\p{C}|\p{Z}/u.test(c)) chars.add(c);
  return [...chars].sort().join('');
}

/**
 * The OpenType features kept: those browsers apply by default, and the figures the CSS asks for
 * (font-variant-numeric: tabular-nums). Small capitals, stylistic sets, fractions and the rest are
 * never asked for, and would cost about 1 KB a face.
 */
const FEATURES = [
  'kern',
  'liga',
  'clig',
  'calt',
  'ccmp',
  'locl',
  'mark',
  'mkmk',
  'rlig',
  'rclt',
  'tnum',
  'lnum',
  'pnum',
];

// The build runs from the project root; resolve from there, whatever folder Astro bundles this into.
const require = createRequire(join(process.cwd(), 'package.json'));

/** The woff2 of one face, cut to `chars`. */
export async function subsetFace(face: Face, chars: string): Promise<Uint8Array> {
  const source = readFileSync(require.resolve(`@fontsource/literata/files/${face.source}`));
  return new Uint8Array(
    await subsetFont(source, chars, { targetFormat: 'woff2', noHinting: true, keepFeatures: FEATURES }),
  );
}
