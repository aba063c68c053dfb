/**
 * The text face's @font-face rules (font-display: swap), and fallback faces scaled with Capsize to
 * Literata's metrics, so the page does not move when the font arrives. Then the Urdu face's: one for
 * every original (search snippets), and up to OWN_CUTS_UP_TO originals, one per excerpt with an original, which that excerpt's card,
 * quote and page use (`[data-excerpt]`), so showing one original loads only its own glyphs
 * (fonts/urdu/). URLs are relative to this file, so a base path needs nothing more.
 */
import type { APIRoute } from 'astro';
import { createFontStack } from '@capsizecss/core';
import literata from '@capsizecss/metrics/literata';
import georgia from '@capsizecss/metrics/georgia';
import timesNewRoman from '@capsizecss/metrics/timesNewRoman';
import { FACES, FAMILY } from '../../lib/fonts';
import { URDU_FAMILY, URDU_RANGE, urduFiles } from '../../lib/urdu-font';
import { arabicOriginals } from './_originals';

const stack = createFontStack([literata, georgia, timesNewRoman]);

const faces = FACES.map(
  (f) => `@font-face {
  font-family: '${FAMILY}';
  font-style: ${f.style};
  font-weight: ${f.weight};
  font-display: swap;
  src: url(${f.file}.woff2) format('woff2');
}`,
);

const urduFace = (family: string, file: string) => `@font-face {
  font-family: '${family}';
  font-style: normal;
  font-weight: 400;
  font-display: swap;
  src: url(urdu/${file}.woff2) format('woff2');
  unicode-range: ${URDU_RANGE};
}`;

/**
 * The Urdu faces and the rule giving each excerpt its own, with no second Urdu family behind it
 * (a fallback family is downloaded too while the first loads).
 */
async function urduFaces(): Promise<string[]> {
  const files = urduFiles(arabicOriginals());
  if (!files.length) return [];
  return [
    urduFace(URDU_FAMILY, 'all'),
    ...files
      .filter(({ id }) => id !== 'all')
      .flatMap(({ id }) => [
        urduFace(`${URDU_FAMILY} ${id}`, id),
        `[data-excerpt="${id}"] .original { font-family: '${URDU_FAMILY} ${id}', serif; }`,
      ]),
  ];
}

export const GET: APIRoute = async () =>
  new Response(
    [...faces, ...(await urduFaces()), stack.fontFaces, `:root { --text-font: ${stack.fontFamily}, serif; }\n`].join(
      '\n',
    ),
    { headers: { 'content-type': 'text/css; charset=utf-8' } },
  );
