/**
 * Maps a QDA code tree of any depth onto the site's three levels:
 *
 * - level 1 -> theme, level 2 -> subtheme, level 3 and below -> codes of that subtheme
 *   (deeper codes are flattened in document order);
 * - codes filed directly under a theme go into a generated subtheme `<theme>-codes`;
 * - passages coded with a theme or subtheme node itself get a generated code `<node>-general`,
 *   so no coding is lost;
 * - top-level codes without children (a flat codebook) go into one generated theme `ungrouped`;
 * - folders (`isCodable="false"`) give structure but never become codes; empty ones are skipped.
 *
 * Ids are slugs of names, made unique in document order, except that a GUID we issued ourselves
 * (see guidForId in ../lib/export-qdc.ts) gets back the id it was made from.
 */
import type { Codebook, Code, Subtheme, Theme } from '../lib/schema.ts';
import { idAllocator } from './ids.ts';
import { generateColours } from '../lib/theme-colours.ts';
import type { CodeNode, Skip } from './model.ts';

/** Placeholders the research team replaces; the build accepts them, a reader sees they are unfinished. */
export const PLACEHOLDER = {
  definition: 'Definition to be written by the research team.',
  summary: 'Summary to be written by the research team.',
  plainSummary: 'Plain-language summary to be written by the research team.',
};

/** Okabe-Ito colours (safe for colour-blind readers), for themes the project gave no colour. */
const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#56B4E9', '#E69F00', '#000000'];

/** The codebook, and the code id each code key maps to (every key a coding may use). */
export interface MappedCodebook { codebook: Codebook; codeOf: Map<string, string>; skipped: Skip[]; notes: string[] }

const label = (node: CodeNode) => node.name.trim() || '(unnamed code)';
const definition = (node: CodeNode) => node.description?.replace(/\r\n?/g, '\n').trim() || PLACEHOLDER.definition;
const colour = (c?: string) => (c && /^#[0-9a-f]{3}$/i.test(c) ? `#${[...c.slice(1)].map((d) => d + d).join('')}` : c && /^#[0-9a-f]{6}$/i.test(c) ? c : undefined);

/**
 * Maps the tree. `used` holds the keys of codes applied to some passage; `known` maps GUID keys
 * to ids of a previous import.
 */
export function mapCodebook(roots: CodeNode[], used: Set<string>, known = new Map<string, string>()): MappedCodebook {
  // Reserve only the ids this tree claims back: reserving every id of a previous import would
  // push each re-imported name to `-2`.
  const claimed: string[] = [];
  const walk = (list: CodeNode[]) => { for (const n of list) { const id = known.get(n.key); if (id) claimed.push(id); walk(n.children); } };
  walk(roots);
  const allocate = idAllocator(claimed);
  const idFor = (node: CodeNode, fallback: string) => known.get(node.key) ?? allocate(node.name, fallback);
  const codeOf = new Map<string, string>();
  const skipped: Skip[] = [];
  const notes: string[] = [];
  const isCode = (n: CodeNode) => n.codable || used.has(n.key);
  const toCode = (node: CodeNode): Code => {
    const id = idFor(node, 'code');
    codeOf.set(node.key, id);
    return { id, label: label(node), definition: definition(node) };
  };
  const general = (node: CodeNode, nodeId: string): Code => {
    const id = allocate(`${nodeId}-general`, 'code');
    codeOf.set(node.key, id);
    notes.push(`Passages coded with "${label(node)}" itself became code "${id}" (${label(node)} (general)).`);
    return { id, label: `${label(node)} (general)`, definition: `Passages coded with "${label(node)}" itself rather than with one of its codes.` };
  };
  let droppedColours = 0;
  const flatten = (node: CodeNode, path: string[], into: Code[]) => {
    for (const child of node.children) {
      if (child.colour) droppedColours++;
      if (isCode(child)) into.push(toCode(child));
      else if (!child.children.length) skipped.push({ what: `folder "${[...path, label(child)].join(' › ')}"`, why: 'it holds no codes' });
      if (child.children.length) {
        notes.push(`Codes below "${[...path, label(child)].join(' › ')}" were flattened into subtheme "${path[1]}" (the site has three levels).`);
        flatten(child, [...path, label(child)], into);
      }
    }
  };

  const themes: { theme: Theme; given?: string }[] = [];
  const ungrouped: Code[] = [];
  for (const node of roots) {
    if (!node.children.length) {
      if (isCode(node)) ungrouped.push(toCode(node));
      else skipped.push({ what: `folder "${label(node)}"`, why: 'it holds no codes' });
      continue;
    }
    const themeId = idFor(node, 'theme');
    const subthemes: Subtheme[] = [];
    const direct: Code[] = used.has(node.key) ? [general(node, themeId)] : [];
    for (const child of node.children) {
      if (child.colour) droppedColours++;
      if (!child.children.length) {
        if (isCode(child)) direct.push(toCode(child));
        else skipped.push({ what: `folder "${label(node)} › ${label(child)}"`, why: 'it holds no codes' });
        continue;
      }
      const subId = idFor(child, 'subtheme');
      const codes: Code[] = used.has(child.key) ? [general(child, subId)] : [];
      flatten(child, [label(node), label(child)], codes);
      if (codes.length) subthemes.push({ id: subId, label: label(child), definition: definition(child), codes });
      else skipped.push({ what: `subtheme "${label(node)} › ${label(child)}"`, why: 'it holds no codes' });
    }
    if (direct.length) {
      const id = allocate(`${themeId}-codes`, 'subtheme');
      subthemes.push({ id, label: label(node), definition: `Codes filed directly under "${label(node)}" in the QDA project.`, codes: direct });
      notes.push(`Codes filed directly under theme "${label(node)}" were put in generated subtheme "${id}".`);
    }
    if (!subthemes.length) { skipped.push({ what: `theme "${label(node)}"`, why: 'it holds no codes' }); continue; }
    themes.push({ given: colour(node.colour), theme: { id: themeId, label: label(node), colour: '', definition: definition(node), summary: PLACEHOLDER.summary, plainSummary: PLACEHOLDER.plainSummary, subthemes } });
  }
  if (ungrouped.length) {
    const id = allocate('ungrouped', 'theme');
    const subthemes = [{ id: allocate('ungrouped-codes', 'subtheme'), label: 'Ungrouped codes', definition: 'Codes that had no parent in the QDA project.', codes: ungrouped }];
    themes.push({ theme: { id, label: 'Ungrouped codes', colour: '', definition: 'Codes that had no parent in the QDA project; move them into themes.', summary: PLACEHOLDER.summary, plainSummary: PLACEHOLDER.plainSummary, subthemes } });
    notes.push(`${ungrouped.length} top-level code${ungrouped.length === 1 ? '' : 's'} without children went into generated theme "${id}"; move them into themes in codebook.yaml.`);
  }
  // Themes without a colour take the first palette colour no other theme uses, in order; past the
  // palette, a generated colour distinct from every one taken (scripts/lib/theme-colours.ts).
  const taken = new Set(themes.map((t) => t.given?.toUpperCase()));
  themes.forEach((t) => {
    if (t.given) { t.theme.colour = t.given; return; }
    t.theme.colour = PALETTE.find((c) => !taken.has(c)) ?? generateColours(1, [...taken].filter((c) => c !== undefined))[0];
    taken.add(t.theme.colour);
    notes.push(`Theme "${t.theme.id}" had no colour; it got ${t.theme.colour}.`);
  });
  if (droppedColours) notes.push(`${droppedColours} colour${droppedColours === 1 ? '' : 's'} of subthemes and codes were not kept: the site colours themes only.`);
  return { codebook: { themes: themes.map((t) => t.theme) }, codeOf, skipped, notes };
}
