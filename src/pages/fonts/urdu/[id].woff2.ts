/**
 * The Urdu face's files, cut at build time (src/lib/urdu-font.ts): `all.woff2` for every original of
 * the study (search snippets), and one per excerpt with an original, which its own page, card and
 * quote load instead (faces.css), so a page showing one original downloads only that original's glyphs.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { urduSubset } from '../../../lib/urdu-font';
import { arabicOriginals } from '../_originals';

export const getStaticPaths = (async () => {
  const originals = await arabicOriginals();
  if (!originals.length) return [];
  return [
    { params: { id: 'all' }, props: { texts: originals.map((o) => o.text) } },
    ...originals.map((o) => ({ params: { id: o.id }, props: { texts: [o.text] } })),
  ];
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const body = await urduSubset((props as { texts: string[] }).texts);
  return new Response(body as BodyInit, { headers: { 'content-type': 'font/woff2' } });
};
