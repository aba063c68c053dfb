/**
 * The Urdu face's files, cut at build time (src/lib/urdu-font.ts): `all.woff2` for every original of
 * the study, and, in a study of at most OWN_CUTS_UP_TO originals, one per excerpt with an original,
 * which its own page, card, quote and search snippet load instead (faces.css), so a page showing one
 * original downloads only that original's glyphs.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { OWN_CUTS_UP_TO, urduFiles, urduSubset } from '../../../lib/urdu-font';
import { arabicOriginals } from '../_originals';

export const getStaticPaths = (async () => {
  const originals = arabicOriginals();
  if (originals.length > OWN_CUTS_UP_TO) {
    console.log(
      `fonts: ${originals.length} Urdu originals, more than ${OWN_CUTS_UP_TO}: they share one cut of the Urdu face (src/lib/urdu-font.ts)`,
    );
  }
  return urduFiles(originals).map(({ id, texts }) => ({ params: { id }, props: { texts } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const body = await urduSubset((props as { texts: string[] }).texts);
  return new Response(body as BodyInit, { headers: { 'content-type': 'font/woff2' } });
};
