/**
 * QualCoder's coding report CSV (Reports > Coding reports > export CSV): UTF-8 with a byte-order
 * mark, every cell quoted, CRLF. Columns `File` (or `File/case`), `Coder`, `Coded`, `Id`,
 * `Codename`, `Coded_Memo`, then one `Category` column per level (nearest category first), then
 * optional `FileVar_<name>` and `CaseVar_<name>` columns. A row holds only as many category cells
 * as its code has, so rows of shallow codes are shorter, and variable cells shift left: the
 * category count of a row is its length minus the other columns.
 */
import type { Problem } from '../lib/problems.ts';
import { readCsv } from './csv.ts';
import { columnName, contentHex } from './ids.ts';
import type { CodeNode, ImportedProject, RawExcerpt, Skip } from './model.ts';
import { cleanText } from './positions.ts';
import { columnIndex, documentParticipants, keysByName } from './tool-csv.ts';

const FIXED = ['File', 'Coder', 'Coded', 'Id', 'Codename', 'Coded_Memo'];

/** True when a CSV header is QualCoder's coding report. */
export const isQualCoderHeader = (header: string[]): boolean =>
  /^(file|file\/case)$/i.test(header[0]?.trim() ?? '') && ['Coded', 'Id', 'Codename'].every((c) => columnIndex(header, c) >= 0);

/** Reads the coding report; `codebook` (a .qdc exported by QualCoder) gives descriptions and colours. */
export function readQualCoder(text: string, file: string, name: string, codebook?: { codes: CodeNode[]; file: string }): { project?: ImportedProject; problems: Problem[] } {
  const { records: [header, ...rows], error } = readCsv(text);
  if (error) return { problems: [{ file, ...error }] };
  const h = header.cells.map((c) => c.trim());
  const variables = h.map((c, i) => ({ i, col: /^(FileVar|CaseVar)_(.+)$/.exec(c)?.[2] })).filter((v) => v.col).map((v) => columnName(v.col!));
  const problems: Problem[] = [];
  const skipped: Skip[] = [];
  const codes: CodeNode[] = codebook?.codes ?? [];
  const known = keysByName(codes);
  const categoryNodes = new Map<string, CodeNode>();
  /** The code key for a name under categories (nearest first), building the tree on first use. */
  const codeKey = (codename: string, categories: string[]): string => {
    let list = codes;
    for (const cat of [...categories].reverse()) {
      let node = categoryNodes.get(cat);
      if (!node) { node = { key: `category:${cat}`, name: cat, codable: false, children: [] }; categoryNodes.set(cat, node); list.push(node); }
      list = node.children;
    }
    const key = `code:${codename}`;
    list.push({ key, name: codename, codable: true, children: [] });
    known.set(codename.toLowerCase(), key);
    return key;
  };

  type Group = { first: number; document: string; text: string; codes: Set<string>; row: number };
  const groups = new Map<string, Group>();
  const people = documentParticipants();
  const coders = new Set<string>();
  let memos = 0;
  for (const [i, r] of rows.entries()) {
    const cells = r.cells;
    const categoryCount = cells.length - FIXED.length - variables.length;
    if (categoryCount < 0) { problems.push({ file, line: r.line, message: `found ${cells.length} fields, expected at least ${FIXED.length + variables.length} as the header says` }); continue; }
    const [document, coder, coded, id, codename, memo] = cells;
    const categories = cells.slice(FIXED.length, FIXED.length + categoryCount).filter((c) => c.trim());
    const values = Object.fromEntries(variables.map((col, v) => [col, cells[FIXED.length + categoryCount + v] ?? '']));
    const m = /^(ctid|imid|avid):(\d+)$/.exec(id.trim());
    if (!m) { problems.push({ file, line: r.line, field: 'column "Id"', message: `found ${JSON.stringify(id)}, expected a coding id like ctid:42` }); continue; }
    if (m[1] !== 'ctid') { skipped.push({ what: `coding ${id} of "${document}"`, why: 'images and audio/video are not imported' }); continue; }
    let key = known.get(codename.trim().toLowerCase());
    if (!key && codebook) { problems.push({ file, line: r.line, field: 'column "Codename"', message: `code ${JSON.stringify(codename)} of coding ${id} is not in ${codebook.file}` }); continue; }
    key ??= codeKey(codename.trim(), categories);
    if (!cleanText(coded)) { skipped.push({ what: `coding ${id} of "${document}"`, why: 'it holds no text' }); continue; }
    coders.add(coder);
    if (memo?.trim()) memos++;
    // One passage coded with several codes (or by several coders) is several rows: merge them.
    const groupKey = `${document}\u0000${cleanText(coded)}`;
    const g = groups.get(groupKey) ?? { first: Number(m[2]), document, text: cleanText(coded), codes: new Set<string>(), row: i };
    g.codes.add(key);
    groups.set(groupKey, g);
    people.add(document, values);
  }
  const docIndex = new Map(people.list().map((p, i) => [p.name, i]));
  const excerpts: RawExcerpt[] = [...groups.values()].map((g) => ({
    idFrom: { content: contentHex(g.document, g.text) }, participant: people.add(g.document), document: g.document,
    order: [docIndex.get(g.document) ?? 0, g.row], text: g.text, codes: [...g.codes],
  }));
  return {
    problems,
    project: {
      format: 'QualCoder coding report CSV', name, codes, participants: people.list(), excerpts, skipped,
      notes: [
        `${rows.length} codings were merged into ${groups.size} excerpts (same file, same text); excerpt ids come from each passage's file and text, not from QualCoder's row order or coding ids.`,
        ...(coders.size > 1 ? [`Codings of ${coders.size} coders were merged.`] : []),
        ...(memos ? [`${memos} coding memos were not imported (memos are not published).`] : []),
        ...(codebook ? [] : ['No codebook was given (--codebook codebook.qdc from QualCoder): codes have no descriptions or colours.']),
      ],
    },
  };
}
