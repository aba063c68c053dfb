/**
 * The text face's files, cut at build time to the characters of this site's text (src/lib/fonts.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { excerpts } from '../../lib/excerpts';
import { FACES, type Face, characterSet, subsetFace } from '../../lib/fonts';
import { site } from '../../lib/site';

export const getStaticPaths = (() =>
  FACES.map((face) => ({ params: { face: face.file }, props: { face } }))) satisfies GetStaticPaths;

let texts: Promise<string[]> | undefined;
/** Every text the pages show: the generated site data, the excerpts and the theme narratives. */
async function siteTexts(): Promise<string[]> {
  const themes = await getCollection('themes');
  return [JSON.stringify(site), ...excerpts().map((e) => e.text), ...themes.map((t) => t.body ?? '')];
}

export const GET: APIRoute = async ({ props }) => {
  const { face } = props as { face: Face };
  texts ??= siteTexts();
  const body = await subsetFace(face, characterSet(await texts, face.keep));
  return new Response(body as BodyInit, { headers: { 'content-type': 'font/woff2' } });
};
