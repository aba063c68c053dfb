/**
 * Maps a QDA code tree of any depth onto the site's three levels:
 *
 * - level 1 -> theme, level 2 -> subtheme, level 3 and below -> codes of that subtheme
 *   (deeper codes are flattened in document order);
 * - codes filed directly under a theme go into a generated subtheme `<theme>-codes`;
 * - passages coded with a theme or subtheme node itself get a generated code `<node>-general`,
 *   so no coding is lost;
 * - top-level codes without children (a flat codebook) go into one generated theme `ungrouped`;
 * - folders (`isCodable="false"`) give structure but never become codes; empty ones are skipped;
 * - a tree with a single root (everything filed under one "Codes" folder) starts one level down,
 *   so the root's children become the themes;
 * - two codes that flattening puts in one subtheme with the same label get their parent's label
 *   in front ("Nurses › Workload"), and the report says so.
 *
 * Ids are slugs of names, made unique in document order, except that a GUID we issued ourselves
 * (see guidForId in ../lib/export-qdc.ts) gets back the id it was made from.
 */
import { ThemeSchema, type Codebook, type Code, type Subtheme, type Theme } from '../lib/schema.ts';
import { idAllocator } from './ids.ts';
import type { CodeNode, Skip } from './model.ts';

/** Placeholders the research team replaces; the build accepts them, a reader sees they are unfinished. */
export const PLACEHOLDER = {
  definition: 'Definition to be written by the research team.',
  summary: 'Summary to be written by the research team.',
  plainSummary: 'Plain-language summary to be written by the research team.',
};

/**
 * Okabe-Ito colours (safe for colour-blind readers), for themes the project gave no colour.
 * Its black is left out: on the site's dark text it reads as no colour at all.
 */
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#56B4E9', '#E69F00'];

/** True when codebook.yaml may leave a theme's colour out (the site then makes one). */
const colourOptional = ThemeSchema.shape.colour.safeParse(undefined).success;

/**
 * The codebook; the code id each code key maps to (every key a coding may use); the tool key
 * of every theme, subtheme and code id (`generated:` for nodes the import made up); and the
 * colour the tool gave each theme, if any.
 */
export interface MappedCodebook {
  codebook: Codebook;
  codeOf: Map<string, string>;
  keyOf: Map<string, string>;
  given: Map<string, string | undefined>;
  skipped: Skip[];
  notes: string[];
}

const label = (node: CodeNode) => node.name.trim() || '(unnamed code)';
const definition = (node: CodeNode) => node.description?.replace(/\r\n?/g, '\n').trim() || PLACEHOLDER.definition;
const colour = (c?: string) =>
  c && /^#[0-9a-f]{3}$/i.test(c)
    ? `#${[...c.slice(1)].map((d) => d + d).join('')}`
    : c && /^#[0-9a-f]{6}$/i.test(c)
      ? c
      : undefined;

/**
 * Maps the tree. `used` holds the keys of codes applied to some passage; `known` maps GUID keys
 * to ids of a previous import.
 */
export function mapCodebook(tree: CodeNode[], used: Set<string>, known = new Map<string, string>()): MappedCodebook {
  const notes: string[] = [];
  const roots = themeLevel(tree, used, notes);
  // Reserve only the ids this tree claims back: reserving every id of a previous import would
  // push each re-imported name to `-2`.
  const claimed: string[] = [];
  const walk = (list: CodeNode[]) => {
    for (const n of list) {
      const id = known.get(n.key);
      if (id) claimed.push(id);
      walk(n.children);
    }
  };
  walk(roots);
  const allocate = idAllocator(claimed);
  const keyOf = new Map<string, string>();
  const idFor = (node: CodeNode, fallback: string) => {
    const id = known.get(node.key) ?? allocate(node.name, fallback);
    keyOf.set(id, node.key);
    return id;
  };
  const derive = (from: string, suffix: string, fallback: string) => {
    const id = allocate(`${from}-${suffix}`, fallback, true);
    keyOf.set(id, `generated:${id}`);
    return id;
  };
  const codeOf = new Map<string, string>();
  const skipped: Skip[] = [];
  const isCode = (n: CodeNode) => n.codable || used.has(n.key);
  const toCode = (node: CodeNode): Code => {
    const id = idFor(node, 'code');
    codeOf.set(node.key, id);
    return { id, label: label(node), definition: definition(node) };
  };
  const general = (node: CodeNode, nodeId: string): Code => {
    const id = derive(nodeId, 'general', 'code');
    codeOf.set(node.key, id);
    notes.push(`Passages coded with "${label(node)}" itself became code "${id}" (${label(node)} (general)).`);
    return {
      id,
      label: `${label(node)} (general)`,
      definition: `Passages coded with "${label(node)}" itself rather than with one of its codes.`,
    };
  };
  let droppedColours = 0;
  /** The label of the folder or code each flattened code was filed under, for clashes. */
  const parentLabel = new Map<Code, string>();
  const flatten = (node: CodeNode, path: string[], into: Code[]) => {
    for (const child of node.children) {
      if (child.colour) droppedColours++;
      if (isCode(child)) {
        const code = toCode(child);
        if (path.length > 2) parentLabel.set(code, path[path.length - 1]);
        into.push(code);
      } else if (!child.children.length)
        skipped.push({ what: `folder "${[...path, label(child)].join(' › ')}"`, why: 'it holds no codes' });
      if (child.children.length) {
        notes.push(
          `Codes below "${[...path, label(child)].join(' › ')}" were flattened into subtheme "${path[1]}" (the site has three levels).`,
        );
        flatten(child, [...path, label(child)], into);
      }
    }
  };

  const themes: { theme: Theme; given?: string }[] = [];
  const ungrouped: Code[] = [];
  for (const node of roots) {
    if (!node.children.length) {
      if (node.colour) droppedColours++;
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
      renameClashes(codes, parentLabel, `${label(node)} › ${label(child)}`, notes);
      if (codes.length) subthemes.push({ id: subId, label: label(child), definition: definition(child), codes });
      else skipped.push({ what: `subtheme "${label(node)} › ${label(child)}"`, why: 'it holds no codes' });
    }
    if (direct.length) {
      const id = derive(themeId, 'codes', 'subtheme');
      subthemes.push({
        id,
        label: label(node),
        definition: `Codes filed directly under "${label(node)}" in the QDA project.`,
        codes: direct,
      });
      notes.push(`Codes filed directly under theme "${label(node)}" were put in generated subtheme "${id}".`);
    }
    if (!subthemes.length) {
      skipped.push({ what: `theme "${label(node)}"`, why: 'it holds no codes' });
      continue;
    }
    themes.push({
      given: colour(node.colour),
      theme: {
        id: themeId,
        label: label(node),
        colour: '',
        definition: definition(node),
        summary: PLACEHOLDER.summary,
        plainSummary: PLACEHOLDER.plainSummary,
        subthemes,
      },
    });
  }
  if (ungrouped.length) {
    const id = allocate('ungrouped', 'theme');
    keyOf.set(id, `generated:${id}`);
    const subthemes = [
      {
        id: derive(id, 'codes', 'subtheme'),
        label: 'Ungrouped codes',
        definition: 'Codes that had no parent in the QDA project.',
        codes: ungrouped,
      },
    ];
    themes.push({
      theme: {
        id,
        label: 'Ungrouped codes',
        colour: '',
        definition: 'Codes that had no parent in the QDA project; move them into themes.',
        summary: PLACEHOLDER.summary,
        plainSummary: PLACEHOLDER.plainSummary,
        subthemes,
      },
    });
    notes.push(
      `${ungrouped.length} top-level code${ungrouped.length === 1 ? '' : 's'} without children went into generated theme "${id}"; move them into themes in codebook.yaml.`,
    );
  }
  const codebook = { themes: themes.map((t) => t.theme) };
  notes.push(...paint(codebook.themes, new Map(themes.map((t) => [t.theme.id, t.given]))));
  if (droppedColours)
    notes.push(
      `${droppedColours} colour${droppedColours === 1 ? '' : 's'} of codes that did not become themes ${droppedColours === 1 ? 'was' : 'were'} not kept: the site colours themes only.`,
    );
  return { codebook, codeOf, keyOf, given: new Map(themes.map((t) => [t.theme.id, t.given])), skipped, notes };
}

/**
 * Colours themes: the tool's colour when it gave one; else the first palette colour no other
 * theme uses. Past the palette the colour is left out for the site to make one, where the
 * schema allows that; where it does not, the palette starts again. Returns report lines.
 */
export function paint(themes: Theme[], given: Map<string, string | undefined>): string[] {
  const notes: string[] = [];
  const taken = new Set(themes.map((t) => (given.get(t.id) ?? t.colour)?.toUpperCase()));
  themes.forEach((t, i) => {
    const g = given.get(t.id);
    if (g) {
      t.colour = g;
      return;
    }
    if (t.colour) return;
    const free = PALETTE.find((c) => !taken.has(c));
    if (!free && colourOptional) {
      delete (t as Partial<Theme>).colour;
      notes.push(
        `Theme "${t.id}" had no colour and the palette is used up: its colour was left out, and the site makes one.`,
      );
      return;
    }
    t.colour = free ?? PALETTE[i % PALETTE.length];
    taken.add(t.colour);
    notes.push(
      free
        ? `Theme "${t.id}" had no colour; it got ${t.colour}.`
        : `Theme "${t.id}" had no colour and the palette's ${PALETTE.length} colours are used up: it shares ${t.colour} with another theme; give it one in codebook.yaml.`,
    );
  });
  return notes;
}

/**
 * Where the themes are: a tree whose only root is a folder holding everything (as many teams
 * file their codes under one "Codes" node) starts one level down, as often as that holds.
 */
function themeLevel(roots: CodeNode[], used: Set<string>, notes: string[]): CodeNode[] {
  let level = roots;
  let depth = 1;
  // Only when the children can be themes: several of them, and some with codes of their own.
  while (
    level.length === 1 &&
    level[0].children.length > 1 &&
    level[0].children.some((c) => c.children.length) &&
    !used.has(level[0].key)
  ) {
    notes.push(
      `The code tree has a single root "${label(level[0])}": its children became the themes (level ${depth + 1} of the tool's tree).`,
    );
    level = level[0].children;
    depth++;
  }
  return level;
}

/** Two codes with one label in a subtheme: each flattened one takes its parent's label in front. */
function renameClashes(codes: Code[], parentLabel: Map<Code, string>, where: string, notes: string[]): void {
  const count = new Map<string, number>();
  for (const c of codes) count.set(c.label.toLowerCase(), (count.get(c.label.toLowerCase()) ?? 0) + 1);
  for (const c of codes) {
    const parent = parentLabel.get(c);
    if ((count.get(c.label.toLowerCase()) ?? 0) < 2 || !parent) continue;
    const old = c.label;
    c.label = `${parent} › ${old}`;
    notes.push(
      `Two codes labelled "${old}" were flattened into subtheme "${where}": code "${c.id}" was relabelled "${c.label}".`,
    );
  }
}
