/**
 * Heading ids of a theme narrative that give way to the ids the theme page itself uses. A theme
 * page gives each subtheme's section the subtheme's id (the theme map and the code pages link to
 * `themes/<theme>/#<subtheme>`), and a narrative's heading takes the slug of its text: a narrative
 * with "## Efficiency gains" over a subtheme whose id is `efficiency-gains` put that id on the
 * page twice, and the map's link led to whichever came first. Here, run after Astro's heading ids,
 * such a heading gets the first free `<slug>-<n>` (free-id.ts, as ThemeSections numbers its own); Astro's own pass afterwards keeps the id and lists the heading under it.
 *
 * The subtheme ids come from the generated folder's site.json, next to the narrative
 * (`<generated>/themes/<theme>.mdx`); other MDX files (brief, methods) are left as they are.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { freeId } from './free-id.ts';

/** Ids every theme page has besides its sections (Base.astro, the theme map's default id). */
export const PAGE_IDS = [
  'main',
  'site-search',
  'map-heading',
  'theme-map',
  'theme-map-wide-title',
  'theme-map-narrow-title',
];

const subthemesOf = new Map<string, Map<string, string[]>>();

/** Subtheme ids by theme id, read once per generated folder. */
function subthemeIds(generated: string): Map<string, string[]> {
  let ids = subthemesOf.get(generated);
  if (!ids) {
    const site = JSON.parse(readFileSync(join(generated, 'site.json'), 'utf8')) as {
      themes: { id: string; subthemes: { id: string }[] }[];
    };
    ids = new Map(site.themes.map((t) => [t.id, t.subthemes.map((s) => s.id)]));
    subthemesOf.set(generated, ids);
  }
  return ids;
}

/** Renames the headings of `tree` whose id is in `reserved` or already taken on the page. */
export function giveWay(tree: Root, reserved: Iterable<string>): void {
  const taken = new Set(reserved);
  const headings: Element[] = [];
  visit(tree, 'element', (node: Element) => {
    if (/^h[1-6]$/.test(node.tagName) && typeof node.properties.id === 'string') headings.push(node);
  });
  // Ids that do not collide are kept first, so a later heading cannot push an earlier one aside.
  const clashes = headings.filter((h) => {
    const id = h.properties.id as string;
    if (taken.has(id)) return true;
    taken.add(id);
    return false;
  });
  for (const h of clashes) h.properties.id = freeId(taken, h.properties.id as string);
}

export default function rehypeNarrativeIds() {
  return (tree: Root, file: { history: string[] }) => {
    const path = file.history[0];
    if (!path || !path.endsWith('.mdx') || basename(dirname(path)) !== 'themes') return;
    const generated = dirname(dirname(path));
    let subthemes: string[] | undefined;
    try {
      subthemes = subthemeIds(generated).get(basename(path, '.mdx'));
    } catch {
      return; // not a generated folder (no site.json next to it)
    }
    if (subthemes) giveWay(tree, [...subthemes, ...PAGE_IDS]);
  };
}
