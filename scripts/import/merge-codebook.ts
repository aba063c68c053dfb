/**
 * Three-way merge of codebook.yaml on a re-import. Base: the tool's values at the last import
 * (import-record.json); ours: codebook.yaml as the team left it; theirs: the new export.
 *
 * Field by field (label, definition, colour, summaries, and the parent, which is the grouping):
 * changed by the team only -> the team's; by the tool only -> the tool's; by both -> the team's,
 * reported as a conflict. Without a record, a value the team wrote is kept and a placeholder
 * takes the tool's. Nodes new in the tool are added under their tree parent, or under
 * "Ungrouped" when the team's codebook has no such parent. Nodes gone from the tool are removed
 * and listed; a theme the team's files still point at stops the import instead (see
 * references.ts). Containers left without codes are dropped, and listed.
 */
import type { Codebook, Code, Subtheme, Theme } from '../lib/schema.ts';
import { PLACEHOLDER } from './codebook-map.ts';
import type { RecordNode } from './record.ts';

type Kind = RecordNode['kind'];
/** A node of either codebook, flattened: its fields and its parent's id. */
interface Flat {
  id: string;
  kind: Kind;
  parent?: string;
  fields: Record<string, string | undefined>;
}

/** A node the merge removed, with what the team had written in it (copied into the report). */
export interface Removed {
  id: string;
  kind: Kind;
  written: Record<string, string>;
}

/** The team's own text in a node: fields that are neither placeholders nor the tool's values. */
const writtenIn = (n: Flat, b: RecordNode | undefined): Record<string, string> =>
  Object.fromEntries(
    Object.entries(n.fields).filter(
      (e): e is [string, string] =>
        typeof e[1] === 'string' &&
        !PLACEHOLDERS.has(e[1]) &&
        e[0] !== 'colour' &&
        e[1] !== str((b as unknown as Record<string, unknown> | undefined)?.[e[0]]),
    ),
  );

/** One line of the merge report. */
export interface FieldChange {
  id: string;
  field: string;
  outcome: 'tool' | 'kept' | 'conflict';
  ours?: string;
  theirs?: string;
}

/** The merged codebook and what happened to every node and field. */
export interface MergeResult {
  codebook: Codebook;
  changes: FieldChange[];
  added: { id: string; kind: Kind; parent?: string }[];
  /** Gone from the tool and removed; `themes` are checked for references by the caller. */
  removed: Removed[];
  /** Left without codes by the merge, and dropped. */
  emptied: Removed[];
  notes: string[];
}

const FIELDS: Record<Kind, string[]> = {
  theme: ['label', 'definition', 'colour', 'summary', 'plainSummary', 'parent'],
  subtheme: ['label', 'definition', 'parent'],
  code: ['label', 'definition', 'parent'],
};
const PLACEHOLDERS = new Set<string>(Object.values(PLACEHOLDER));
const str = (v: unknown) => (typeof v === 'string' ? v : v === undefined || v === null ? undefined : String(v));

/** Flattens a codebook read leniently (the team's may not validate). */
export function flattenCodebook(cb: unknown): Flat[] {
  const out: Flat[] = [];
  const list = (v: unknown) => (Array.isArray(v) ? v : []) as Record<string, unknown>[];
  const fields = (o: Record<string, unknown>, kind: Kind) =>
    Object.fromEntries(FIELDS[kind].filter((f) => f !== 'parent').map((f) => [f, str(o[f])]));
  for (const t of list((cb as { themes?: unknown })?.themes)) {
    out.push({ id: String(t.id), kind: 'theme', fields: fields(t, 'theme') });
    for (const s of list(t.subthemes)) {
      out.push({ id: String(s.id), kind: 'subtheme', parent: String(t.id), fields: fields(s, 'subtheme') });
      for (const c of list(s.codes))
        out.push({ id: String(c.id), kind: 'code', parent: String(s.id), fields: fields(c, 'code') });
    }
  }
  return out;
}

/** Merges; `base` is the record's nodes, absent on a folder imported before records existed. */
export function mergeCodebook(
  base: Record<string, RecordNode> | undefined,
  ours: unknown,
  theirs: Codebook,
): MergeResult {
  const mine = flattenCodebook(ours);
  const tool = new Map(flattenCodebook(theirs).map((n) => [n.id, n]));
  const changes: FieldChange[] = [];
  const notes: string[] = [];
  const merged = new Map<string, Flat>();
  const removed: MergeResult['removed'] = [];
  const baseValue = (id: string, field: string) => {
    const b = base?.[id];
    if (!b) return undefined;
    return field === 'parent' ? b.parent : str((b as unknown as Record<string, unknown>)[field]);
  };
  const pick = (id: string, field: string, o: string | undefined, t: string | undefined): string | undefined => {
    if (o === t) return o;
    const known = base?.[id] !== undefined;
    const b = baseValue(id, field);
    // The tool has no summaries: the team's always stand.
    if (field === 'summary' || field === 'plainSummary') return o ?? t;
    if (field === 'colour' && t === undefined) return o;
    if (o === undefined) return t;
    let outcome: FieldChange['outcome'];
    if (known ? o === b : PLACEHOLDERS.has(o)) outcome = 'tool';
    else if (known && t === b) outcome = 'kept';
    else outcome = known ? 'conflict' : 'kept';
    changes.push({ id, field, outcome, ours: o, theirs: t });
    return outcome === 'tool' ? t : o;
  };

  for (const o of mine) {
    const t = tool.get(o.id);
    if (t) {
      const fields = Object.fromEntries(Object.keys(o.fields).map((f) => [f, pick(o.id, f, o.fields[f], t.fields[f])]));
      merged.set(o.id, {
        id: o.id,
        kind: o.kind,
        fields,
        parent: o.kind === 'theme' ? undefined : pick(o.id, 'parent', o.parent, t.parent),
      });
    } else if (base?.[o.id] && (o.kind === 'code' || !base[o.id].key?.startsWith('generated:'))) {
      removed.push({ id: o.id, kind: o.kind, written: writtenIn(o, base[o.id]) });
    } else merged.set(o.id, o);
  }
  const added: MergeResult['added'] = [];
  for (const t of tool.values()) {
    if (merged.has(t.id) || mine.some((o) => o.id === t.id)) continue;
    if (base?.[t.id] && t.kind !== 'code') {
      notes.push(
        `${t.kind === 'theme' ? 'Theme' : 'Subtheme'} "${t.id}" is still in the tool but not in codebook.yaml: it stays out, as you removed it.`,
      );
      continue;
    }
    if (base?.[t.id])
      notes.push(
        `Code "${t.id}" was deleted from codebook.yaml but the tool still applies it: it was put back under "${t.parent}".`,
      );
    merged.set(t.id, { ...t });
    added.push({ id: t.id, kind: t.kind, parent: t.parent });
  }
  const rebuilt = rebuild(merged, notes);
  const emptied = rebuilt.emptied.map((e) => ({
    ...e,
    written: writtenIn(merged.get(e.id) ?? { id: e.id, kind: e.kind, fields: {} }, base?.[e.id]),
  }));
  return { codebook: rebuilt.codebook, changes, added, removed, emptied, notes };
}

/** Builds the tree from parent ids; orphans go under "Ungrouped", empty containers are dropped. */
function rebuild(
  nodes: Map<string, Flat>,
  notes: string[],
): { codebook: Codebook; emptied: { id: string; kind: Kind }[] } {
  const of = (kind: Kind) => [...nodes.values()].filter((n) => n.kind === kind);
  const themes = new Map<string, Theme>();
  const subthemes = new Map<string, Subtheme>();
  const themeOf = (n: Flat): Theme => ({
    id: n.id,
    label: n.fields.label ?? n.id,
    colour: n.fields.colour as string,
    definition: n.fields.definition ?? PLACEHOLDER.definition,
    summary: n.fields.summary ?? PLACEHOLDER.summary,
    plainSummary: n.fields.plainSummary ?? PLACEHOLDER.plainSummary,
    subthemes: [],
  });
  for (const t of of('theme')) themes.set(t.id, themeOf(t));
  const ungroupedTheme = () => {
    if (!themes.has('ungrouped'))
      themes.set(
        'ungrouped',
        themeOf({
          id: 'ungrouped',
          kind: 'theme',
          fields: {
            label: 'Ungrouped codes',
            definition: 'Codes that had no place in the codebook; move them into themes.',
          },
        }),
      );
    return themes.get('ungrouped')!;
  };
  const ungroupedSub = () => {
    if (!subthemes.has('ungrouped-codes')) {
      const s = {
        id: 'ungrouped-codes',
        label: 'Ungrouped codes',
        definition: 'Codes that had no place in the codebook.',
        codes: [],
      };
      subthemes.set(s.id, s);
      ungroupedTheme().subthemes.push(s);
    }
    return subthemes.get('ungrouped-codes')!;
  };
  for (const s of of('subtheme')) {
    const sub: Subtheme = {
      id: s.id,
      label: s.fields.label ?? s.id,
      definition: s.fields.definition ?? PLACEHOLDER.definition,
      codes: [],
    };
    subthemes.set(s.id, sub);
    const parent = s.parent !== undefined ? themes.get(s.parent) : undefined;
    if (!parent) notes.push(`Subtheme "${s.id}" has no theme "${s.parent}" any more: it was put under "ungrouped".`);
    (parent ?? ungroupedTheme()).subthemes.push(sub);
  }
  for (const c of of('code')) {
    const code: Code = {
      id: c.id,
      label: c.fields.label ?? c.id,
      definition: c.fields.definition ?? PLACEHOLDER.definition,
    };
    const parent = c.parent !== undefined ? subthemes.get(c.parent) : undefined;
    if (!parent)
      notes.push(`Code "${c.id}" has no subtheme "${c.parent}" any more: it was put under "ungrouped-codes".`);
    (parent ?? ungroupedSub()).codes.push(code);
  }
  const emptied: { id: string; kind: Kind }[] = [];
  const kept: Theme[] = [];
  for (const t of themes.values()) {
    t.subthemes = t.subthemes.filter((s) => s.codes.length || (emptied.push({ id: s.id, kind: 'subtheme' }), false));
    if (t.subthemes.length) kept.push(t);
    else emptied.push({ id: t.id, kind: 'theme' });
  }
  return { codebook: { themes: kept }, emptied };
}
