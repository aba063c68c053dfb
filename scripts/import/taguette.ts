/**
 * Taguette exports. Highlights CSV (`id,document,tag,content`): one row per tag of a highlight,
 * so a highlight with three tags is three rows, merged back here by `id`; an untagged highlight
 * has an empty tag. Codebook CSV: Taguette 1.x writes `tag,description,number of highlights`,
 * newer versions `tag,parent,description,number of highlights`; both are read, and `parent`
 * gives the hierarchy when present. Without a codebook the tags are a flat list.
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

/** Reads a Taguette codebook CSV into a code tree. */
export function readTaguetteCodebook(text: string, file: string): { codes: CodeNode[]; problems: Problem[] } {
  const { records: [header, ...rows], error } = readCsv(text);
  if (error) return { codes: [], problems: [{ file, ...error }] };
  const [tag, parent, description] = ['tag', 'parent', 'description'].map((c) => columnIndex(header?.cells ?? [], c));
  if (tag < 0) return { codes: [], problems: [{ file, line: 1, message: `missing column "tag" (header has ${header?.cells.join(',')}); expected Taguette's codebook export: tag,description,number of highlights` }] };
  const nodes = new Map<string, CodeNode>();
  for (const r of rows) {
    const name = r.cells[tag]?.trim();
    if (name) nodes.set(name, { key: `tag:${name}`, name, description: r.cells[description] || undefined, codable: true, children: [] });
  }
  const roots: CodeNode[] = [];
  for (const r of rows) {
    const node = nodes.get(r.cells[tag]?.trim());
    const up = parent >= 0 ? nodes.get(r.cells[parent]?.trim()) : undefined;
    if (node) (up && up !== node ? up.children : roots).push(node);
  }
  return { codes: roots, problems: [] };
}

/** Reads the highlights CSV; `codebook` (from a codebook CSV or .qdc) names the codes when given. */
export function readTaguette(text: string, file: string, name: string, codebook?: { codes: CodeNode[]; file: string }): { project?: ImportedProject; problems: Problem[] } {
  const { records: [header, ...rows], error } = readCsv(text);
  if (error) return { problems: [{ file, ...error }] };
  const [id, document, tag, content] = ['id', 'document', 'tag', 'content'].map((c) => columnIndex(header.cells, c));
  const problems: Problem[] = [];
  const skipped: Skip[] = [];
  const codes: CodeNode[] = codebook?.codes ?? [];
  const known = keysByName(codes);
  const highlights = new Map<number, { document: string; content: string; tags: string[]; row: number }>();
  for (const [i, r] of rows.entries()) {
    const n = Number(r.cells[id]);
    if (!Number.isInteger(n) || n < 0) { problems.push({ file, line: r.line, field: 'column "id"', message: `found ${JSON.stringify(r.cells[id] ?? '')}, expected a highlight number` }); continue; }
    const h = highlights.get(n) ?? { document: r.cells[document] ?? '', content: r.cells[content] ?? '', tags: [], row: i };
    const t = r.cells[tag]?.trim();
    if (t) {
      let key = known.get(t.toLowerCase());
      if (!key && codebook) problems.push({ file, line: r.line, field: 'column "tag"', message: `tag ${JSON.stringify(t)} of highlight ${n} is not in ${codebook.file}` });
      if (!key && !codebook) { key = `tag:${t}`; codes.push({ key, name: t, codable: true, children: [] }); known.set(t.toLowerCase(), key); }
      if (key && !h.tags.includes(key)) h.tags.push(key);
    }
    highlights.set(n, h);
  }
  const people = documentParticipants();
  const docIndex = new Map<string, number>();
  const excerpts: RawExcerpt[] = [];
  for (const [n, h] of highlights) {
    const what = `highlight ${n} of "${h.document}"`;
    if (!h.tags.length) { skipped.push({ what, why: 'it has no tag' }); continue; }
    if (!cleanText(h.content)) { skipped.push({ what, why: 'it holds no text' }); continue; }
    if (!docIndex.has(h.document)) docIndex.set(h.document, docIndex.size);
    excerpts.push({ idFrom: { content: contentHex(h.document, cleanText(h.content)) }, participant: people.add(h.document), document: h.document, order: [docIndex.get(h.document)!, h.row], text: cleanText(h.content), codes: h.tags });
  }
  return {
    problems,
    project: {
      format: 'Taguette highlights CSV', name, codes, participants: people.list(), excerpts, skipped,
      notes: [
        `${rows.length} rows (one per tag of a highlight) were merged into ${highlights.size} highlights; excerpt ids come from each highlight's document and text, not from Taguette's highlight numbers, so they survive a re-export.`,
        ...(codebook ? [] : ['No codebook was given (--codebook codebook.csv): codes have no descriptions and form a flat list.']),
      ],
    },
  };
}
