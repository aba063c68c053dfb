/**
 * import-record.json: what the last import wrote, kept in the study folder so the next import can
 * tell the team's edits from the tool's (a three-way merge: record = base, the folder = ours, the
 * new export = theirs) and give every passage and participant the id it had.
 *
 * It holds no names and no text: participant names, document names and excerpt texts are kept as
 * SHA-256 digests, so the record says nothing the folder does not already say.
 */
import type { StudyFiles } from '../lib/study-files.ts';
import type { MappedCodebook } from './codebook-map.ts';
import { digest } from './ids.ts';
import type { RawExcerpt, RawParticipant } from './model.ts';

/** The tool's values of one theme, subtheme or code, as the last import wrote them. */
export interface RecordNode {
  kind: 'theme' | 'subtheme' | 'code';
  /** The tool's identity for it (CodeNode.key), when it came from one tool node. */
  key?: string;
  label: string;
  definition: string;
  /** Themes only: the colour written, the tool's or else the palette's. */
  colour?: string;
  /** Id of the theme (of a subtheme) or subtheme (of a code). */
  parent?: string;
}

/** One excerpt as the last import wrote it. */
export interface RecordExcerpt {
  /** Digest of the source document's name. */
  source: string;
  /** Start and end in the source, when the tool gives positions. */
  span?: [number, number];
  /** Digest of the text as imported (to tell a team's later edit of excerpts.csv). */
  text: string;
  /** The selection GUID, for tools that have them. */
  guid?: string;
}

/** The whole record. */
export interface ImportRecord {
  version: 1;
  /** Per code, subtheme and theme id. */
  nodes: Record<string, RecordNode>;
  /** Pseudonym per digest of the participant's name in the tool. */
  participants: Record<string, string>;
  /** Per excerpt id. */
  excerpts: Record<string, RecordExcerpt>;
  /** Excerpt ids that earlier imports gave and later ones lost: never handed out again. */
  retired?: string[];
}

/** The record's file name inside the study folder. */
export const RECORD_FILE = 'import-record.json';

/** Digest of a participant's or document's name, as the record keeps it. */
export const nameDigest = (name: string): string => digest('name', name.trim());

/** Digest of an excerpt's text, as the record keeps it. */
export const textDigest = (text: string): string => digest('text', text);

/** Reads a record; an unreadable one is reported and treated as absent (a first import). */
export function readRecord(text: string | undefined): { record?: ImportRecord; problem?: string } {
  if (text === undefined) return {};
  try {
    const r = JSON.parse(text) as ImportRecord;
    if (
      r?.version !== 1 ||
      typeof r.nodes !== 'object' ||
      typeof r.excerpts !== 'object' ||
      typeof r.participants !== 'object'
    )
      return { problem: `${RECORD_FILE} is not a record this importer wrote (expected version 1)` };
    return { record: r };
  } catch (e) {
    return { problem: `${RECORD_FILE} is not valid JSON (${(e as Error).message})` };
  }
}

/** Writes a record: keys sorted, so the same import gives the same bytes. */
export function writeRecord(record: ImportRecord): string {
  const sorted = (o: Record<string, unknown>) =>
    Object.fromEntries(
      Object.keys(o)
        .sort()
        .map((k) => [k, o[k]]),
    );
  return `${JSON.stringify({ version: 1, nodes: sorted(record.nodes), participants: sorted(record.participants), excerpts: sorted(record.excerpts), retired: [...new Set(record.retired ?? [])].sort() }, null, 1)}\n`;
}

/** The record of this import: the tool's values (not the merged ones), ids by digest. */
export function recordOf(
  mapped: MappedCodebook,
  excerpts: RawExcerpt[],
  ids: string[],
  people: RawParticipant[],
  idOf: Map<string, string>,
): ImportRecord {
  const nodes: ImportRecord['nodes'] = {};
  for (const t of mapped.codebook.themes) {
    // The colour as written: the tool's, or the palette's when the tool gave none.
    nodes[t.id] = {
      kind: 'theme',
      key: mapped.keyOf.get(t.id),
      label: t.label,
      definition: t.definition,
      ...(t.colour ? { colour: t.colour } : {}),
    };
    for (const s of t.subthemes) {
      nodes[s.id] = {
        kind: 'subtheme',
        key: mapped.keyOf.get(s.id),
        label: s.label,
        definition: s.definition,
        parent: t.id,
      };
      for (const c of s.codes)
        nodes[c.id] = {
          kind: 'code',
          key: mapped.keyOf.get(c.id),
          label: c.label,
          definition: c.definition,
          parent: s.id,
        };
    }
  }
  return {
    version: 1,
    nodes,
    participants: Object.fromEntries(
      people.flatMap((p) => [
        [nameDigest(p.name), idOf.get(p.key)!],
        ...(p.key.startsWith('document:') ? [] : [[nameDigest(p.key), idOf.get(p.key)!]]),
      ]),
    ),
    excerpts: Object.fromEntries(
      excerpts.map((e, i) => [
        ids[i],
        {
          source: nameDigest(e.document),
          ...(e.span ? { span: e.span } : {}),
          text: textDigest(e.text),
          ...('guid' in e.idFrom ? { guid: e.idFrom.guid } : {}),
        },
      ]),
    ),
  };
}

/** Excerpt ids the folder's releases (releases/<version>.json) published, read leniently. */
export function releasedIds(previous: StudyFiles | undefined): Set<string> {
  const ids = new Set<string>();
  for (const text of Object.values(previous?.releases ?? {})) {
    try {
      for (const e of (JSON.parse(text) as { excerpts?: { id?: unknown }[] }).excerpts ?? [])
        if (typeof e.id === 'string') ids.add(e.id);
    } catch {
      /* the build reports a broken manifest */
    }
  }
  return ids;
}
