/**
 * Taguette exports (Python's csv module: CRLF, quotes only where needed, no byte-order mark).
 * Highlights CSV (`id,document,tag,content`): one row per tag of a highlight, so a highlight with
 * three tags is three rows, merged back here by `id`; an untagged highlight has an empty tag.
 * Tags are paths: `barriers.cost` is `cost` under `barriers`, which gives the code tree.
 */
import type { Problem } from '../lib/problems.ts';
import { readCsv } from './csv.ts';
import type { CodeNode, ImportedProject, RawExcerpt, Skip } from './model.ts';
import { contentHex } from './ids.ts';
import { cleanText } from './positions.ts';
import { columnIndex, documentParticipants, keysByName } from './tool-csv.ts';

/** True when a CSV header is Taguette's highlights export. */
export const isTaguetteHeader = (header: string[]): boolean =>
  ['id', 'document', 'tag', 'content'].every((c) => columnIndex(header, c) >= 0);

/**
 * `barriers.cost` or `trust\colleagues` -> its levels. A separator counts only between a letter
 * or digit and a letter: `Dr. visits`, `1.1 Fees` and `v2.0` are names, not paths.
 */
const levels = (path: string) => path.split(/(?<=[\p{L}\p{N}])[.\\](?=\p{L})/u).map((s) => s.trim());

/**
 * Taguette's hierarchy: a tag path names its ancestors (`barriers.cost` is `cost` under
 * `barriers`); a `parent` column, where the export has one and fills it, names the parent.
 * Ancestors that are not tags themselves become folders.
 */
export function tagTree() {
  const roots: CodeNode[] = [];
  const byPath = new Map<string, CodeNode>();
  const node = (path: string, name: string, list: CodeNode[]) => {
    let n = byPath.get(path.toLowerCase());
    if (!n) {
      n = { key: `tag:${path}`, name, codable: false, children: [] };
      byPath.set(path.toLowerCase(), n);
      list.push(n);
    }
    return n;
  };
  /** Adds a tag (and its ancestors); returns its key. */
  const add = (path: string, description?: string, parent?: string): string => {
    let list = roots;
    let name: string;
    if (parent) {
      list = (byPath.get(parent.toLowerCase()) ?? node(parent, levels(parent).at(-1)!, roots)).children;
      name =
        path.toLowerCase().startsWith(parent.toLowerCase()) && /^[.\\]/.test(path.slice(parent.length))
          ? path.slice(parent.length + 1)
          : path;
    } else {
      const parts = levels(path);
      for (let i = 1; i < parts.length; i++)
        list = node(path.slice(0, parts.slice(0, i).join('.').length), parts[i - 1], list).children;
      name = parts.at(-1)!;
    }
    const n = node(path, name, list);
    n.codable = true;
    if (description) n.description = description;
    return n.key;
  };
  return { roots, add, find: (path: string) => byPath.get(path.trim().toLowerCase())?.key };
}

/**
 * Reads a Taguette codebook CSV into a code tree: `tag,description,number of highlights` (1.x),
 * `tag,parent,description,number of highlights`, and 1.5's extra "number of documents"; columns
 * are found by name, so the order and the counts do not matter.
 */
export function readTaguetteCodebook(text: string, file: string): { codes: CodeNode[]; problems: Problem[] } {
  const {
    records: [header, ...rows],
    error,
  } = readCsv(text);
  if (error) return { codes: [], problems: [{ file, ...error }] };
  const [tag, parent, description] = ['tag', 'parent', 'description'].map((c) => columnIndex(header?.cells ?? [], c));
  if (tag < 0)
    return {
      codes: [],
      problems: [
        {
          file,
          line: 1,
          message: `missing column "tag" (header has ${header?.cells.join(',')}); expected Taguette's codebook export: tag,description,number of highlights`,
        },
      ],
    };
  const t = tagTree();
  // Parents first: a row may name a parent that a later row defines.
  const named = rows
    .map((r) => ({
      path: r.cells[tag]?.trim() ?? '',
      parent: parent >= 0 ? r.cells[parent]?.trim() : '',
      description: description >= 0 ? r.cells[description] : undefined,
    }))
    .filter((r) => r.path);
  const depth = (r: { path: string; parent?: string }) => {
    let d = 0;
    for (let p = r.parent; p && d < named.length; d++) p = named.find((x) => x.path === p)?.parent;
    return d;
  };
  for (const r of [...named].sort((a, b) => depth(a) - depth(b)))
    t.add(r.path, r.description || undefined, r.parent || undefined);
  return { codes: t.roots, problems: [] };
}

/** Reads the highlights CSV; `codebook` (from a codebook CSV or .qdc) names the codes when given. */
export function readTaguette(
  text: string,
  file: string,
  name: string,
  codebook?: { codes: CodeNode[]; file: string },
): { project?: ImportedProject; problems: Problem[] } {
  const {
    records: [header, ...rows],
    error,
  } = readCsv(text);
  if (error) return { problems: [{ file, ...error }] };
  const [id, document, tag, content] = ['id', 'document', 'tag', 'content'].map((c) => columnIndex(header.cells, c));
  const problems: Problem[] = [];
  const skipped: Skip[] = [];
  const tags = tagTree();
  // A flat codebook whose names are tag paths (Taguette's own .qdc): the paths give the tree.
  const flatPaths =
    codebook &&
    codebook.codes.every((c) => !c.children.length) &&
    codebook.codes.some((c) => levels(c.name).length > 1);
  if (flatPaths) for (const c of codebook.codes) tags.add(c.name, c.description);
  const codes: CodeNode[] = !codebook || flatPaths ? tags.roots : codebook.codes;
  const known = keysByName(codes);
  const byKey = new Map<string, string>();
  const walk = (list: CodeNode[]) => {
    for (const n of list) {
      byKey.set(n.key.toLowerCase(), n.key);
      walk(n.children);
    }
  };
  walk(codes);
  const highlights = new Map<number, { document: string; content: string; tags: string[]; row: number }>();
  for (const [i, r] of rows.entries()) {
    const n = Number(r.cells[id]);
    if (!Number.isInteger(n) || n < 0) {
      problems.push({
        file,
        line: r.line,
        field: 'column "id"',
        message: `found ${JSON.stringify(r.cells[id] ?? '')}, expected a highlight number`,
      });
      continue;
    }
    const h = highlights.get(n) ?? {
      document: r.cells[document] ?? '',
      content: r.cells[content] ?? '',
      tags: [],
      row: i,
    };
    const t = r.cells[tag]?.trim();
    if (t) {
      let key =
        codebook && !flatPaths ? (byKey.get(`tag:${t}`.toLowerCase()) ?? known.get(t.toLowerCase())) : tags.find(t);
      if (!key && codebook)
        problems.push({
          file,
          line: r.line,
          field: 'column "tag"',
          message: `tag ${JSON.stringify(t)} of highlight ${n} is not in ${codebook.file}`,
        });
      if (!key && !codebook) key = tags.add(t);
      if (key && !h.tags.includes(key)) h.tags.push(key);
    }
    highlights.set(n, h);
  }
  const people = documentParticipants();
  const docIndex = new Map<string, number>();
  const excerpts: RawExcerpt[] = [];
  for (const [n, h] of highlights) {
    const what = `highlight ${n} of "${h.document}"`;
    if (!h.tags.length) {
      skipped.push({ what, why: 'it has no tag' });
      continue;
    }
    if (!cleanText(h.content)) {
      skipped.push({ what, why: 'it holds no text' });
      continue;
    }
    if (!docIndex.has(h.document)) docIndex.set(h.document, docIndex.size);
    excerpts.push({
      idFrom: { content: contentHex(h.document, cleanText(h.content)) },
      participant: people.add(h.document),
      document: h.document,
      order: [docIndex.get(h.document)!, h.row],
      text: cleanText(h.content),
      codes: h.tags,
    });
  }
  return {
    problems,
    project: {
      format: 'Taguette highlights CSV',
      name,
      codes,
      participants: people.list(),
      excerpts,
      skipped,
      notes: [
        `${rows.length} rows (one per tag of a highlight) were merged into ${highlights.size} highlights; excerpt ids come from each highlight's document and text, not from Taguette's highlight numbers, so they survive a re-export.`,
        ...(codebook
          ? []
          : [
              'No codebook was given (--codebook codebook.csv): codes have no descriptions; tag paths (a.b, a\\b) give the hierarchy.',
            ]),
      ],
    },
  };
}
