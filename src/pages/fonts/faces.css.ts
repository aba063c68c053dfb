/**
 * The text face's @font-face rules (font-display: swap), and fallback faces scaled with Capsize to
 * Literata's metrics, so the page does not move when the font arrives. URLs are relative to this
 * file, so a base path needs nothing more.
 */
import type { APIRoute } from 'astro';
import { createFontStack } from '@capsizecss/core';
import literata from '@capsizecss/metrics/literata';
import georgia from '@capsizecss/metrics/georgia';
import timesNewRoman from '@capsizecss/metrics/timesNewRoman';
import { FACES, FAMILY } from '../../lib/fonts';

const stack = createFontStack([literata, georgia, timesNewRoman]);

const faces = FACES.map((f) => `@font-face {
  font-family: '${FAMILY}';
  font-style: ${f.style};
  font-weight: ${f.weight};
  font-display: swap;
  src: url(${f.file}.woff2) format('woff2');
}`);

export const GET: APIRoute = () => new Response(
  `${faces.join('\n')}\n${stack.fontFaces}\n:root { --text-font: ${stack.fontFamily}, serif; }\n`,
  { headers: { 'content-type': 'text/css; charset=utf-8' } },
);
