/**
 * QualCoder's coding report CSV (Reports > Coding reports > export CSV): UTF-8 with a byte-order
 * mark, every cell quoted, CRLF. Columns `File/case` (development versions, `File` before), or
 * `Case`, `Filename` (3.6 to 3.8, when the report is of cases), then `Coder`, `Coded`, `Id`,
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
import { columnIndex, documentParticipants } from './tool-csv.ts';

/** Where the fixed columns are: found by name, since 3.6-3.8 put `Case,Filename` first. */
function layout(header: string[]) {
  const at = (name: string) => columnIndex(header, name);
  const caseColumn = at('case');
  // Without a Filename column, a report of cases names only the case: it stands for the document too.
  const fileColumn = at('filename') >= 0 ? at('filename') : 0;
  const fixed = at('coded_memo') >= 0 ? at('coded_memo') + 1 : at('codename') + 1;
  return {
    caseColumn,
    fileColumn,
    coder: at('coder'),
    coded: at('coded'),
    id: at('id'),
    codename: at('codename'),
    memo: at('coded_memo'),
    fixed,
  };
}

/** True when a CSV header is QualCoder's coding report (by file, or by case). */
export const isQualCoderHeader = (header: string[]): boolean =>
  /^(file|file\/case|filename|case)$/i.test(header[0]?.trim() ?? '') &&
  ['Coded', 'Id', 'Codename'].every((c) => columnIndex(header, c) >= 0);

/**
 * Finds the codebook's code for a row: the value of `Codename` is a code, never a category, even
 * when a category has the same name; among codes of that name, the one under the row's nearest
 * category wins.
 */
function codebookMatcher(codes: CodeNode[]) {
  const byName = new Map<string, { node: CodeNode; parent?: CodeNode }[]>();
  const walk = (list: CodeNode[], parent?: CodeNode) => {
    for (const node of list) {
      const name = node.name.trim().toLowerCase();
      byName.set(name, [...(byName.get(name) ?? []), { node, parent }]);
      walk(node.children, node);
    }
  };
  walk(codes);
  return (codename: string, categories: string[]): string | undefined => {
    const nearest = categories[0]?.trim().toLowerCase();
    const all = byName.get(codename.trim().toLowerCase()) ?? [];
    // The category a row names is not its code: leave out nodes named like the nearest category whose own parent is the next.
    const isCategory = (c: { node: CodeNode; parent?: CodeNode }) =>
      c.node.name.trim().toLowerCase() === nearest &&
      (c.parent?.name.trim().toLowerCase() ?? undefined) === categories[1]?.trim().toLowerCase() &&
      (!c.node.codable || c.node.children.length > 0);
    const candidates = all.filter((c) => !isCategory(c));
    const underNearest = candidates.find((c) => (c.parent?.name.trim().toLowerCase() ?? undefined) === nearest);
    return (underNearest ?? candidates.find((c) => c.node.codable) ?? candidates[0])?.node.key;
  };
}

/** Reads the coding report; `codebook` (a .qdc exported by QualCoder) gives descriptions and colours. */
export function readQualCoder(
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
  const h = header.cells.map((c) => c.trim());
  const col = layout(h);
  const variables = h
    .map((c) => /^(FileVar|CaseVar)_(.+)$/.exec(c)?.[2])
    .filter((v): v is string => !!v)
    .map(columnName);
  const problems: Problem[] = [];
  const skipped: Skip[] = [];
  const codes: CodeNode[] = codebook?.codes ?? [];
  const match = codebookMatcher(codes);
  const created = new Map<string, string>();
  const categoryNodes = new Map<string, CodeNode>();
  /** The code key for a name under categories (nearest first), building the tree on first use. */
  const codeKey = (codename: string, categories: string[]): string => {
    const key = `code:${codename}`;
    if (created.has(key)) return key;
    let list = codes;
    for (const cat of [...categories].reverse()) {
      let node = categoryNodes.get(cat);
      if (!node) {
        node = { key: `category:${cat}`, name: cat, codable: false, children: [] };
        categoryNodes.set(cat, node);
        list.push(node);
      }
      list = node.children;
    }
    list.push({ key, name: codename, codable: true, children: [] });
    created.set(key, key);
    return key;
  };

  type Group = { document: string; participant: string; text: string; codes: Set<string>; row: number };
  const groups = new Map<string, Group>();
  const people = documentParticipants();
  const coders = new Set<string>();
  let memos = 0;
  for (const [i, r] of rows.entries()) {
    const cells = r.cells;
    const categoryCount = cells.length - col.fixed - variables.length;
    if (categoryCount < 0) {
      problems.push({
        file,
        line: r.line,
        message: `found ${cells.length} fields, expected at least ${col.fixed + variables.length} as the header says`,
      });
      continue;
    }
    const [document, coder, coded, id, codename, memo] = [
      col.fileColumn,
      col.coder,
      col.coded,
      col.id,
      col.codename,
      col.memo,
    ].map((c) => (c >= 0 ? (cells[c] ?? '') : ''));
    const person = (col.caseColumn >= 0 ? cells[col.caseColumn]?.trim() : '') || document;
    const categories = cells.slice(col.fixed, col.fixed + categoryCount).filter((c) => c.trim());
    const values = Object.fromEntries(variables.map((v, k) => [v, cells[col.fixed + categoryCount + k] ?? '']));
    const m = /^(ctid|imid|avid):(\d+)$/.exec(id.trim());
    if (!m) {
      problems.push({
        file,
        line: r.line,
        field: 'column "Id"',
        message: `found ${JSON.stringify(id)}, expected a coding id like ctid:42`,
      });
      continue;
    }
    if (m[1] !== 'ctid') {
      skipped.push({ what: `coding ${id} of "${document}"`, why: 'images and audio/video are not imported' });
      continue;
    }
    let key = codebook ? match(codename, categories) : undefined;
    if (!key && codebook) {
      problems.push({
        file,
        line: r.line,
        field: 'column "Codename"',
        message: `code ${JSON.stringify(codename)} of coding ${id} is not in ${codebook.file}`,
      });
      continue;
    }
    key ??= codeKey(codename.trim(), categories);
    if (!cleanText(coded)) {
      skipped.push({ what: `coding ${id} of "${document}"`, why: 'it holds no text' });
      continue;
    }
    coders.add(coder);
    if (memo?.trim()) memos++;
    // One passage coded with several codes (or by several coders) is several rows: merge them.
    const groupKey = `${document}\u0000${cleanText(coded)}`;
    const g = groups.get(groupKey) ?? {
      document,
      participant: person,
      text: cleanText(coded),
      codes: new Set<string>(),
      row: i,
    };
    g.codes.add(key);
    groups.set(groupKey, g);
    people.add(person, values);
  }
  const docIndex = new Map(people.list().map((p, i) => [p.name, i]));
  const excerpts: RawExcerpt[] = [...groups.values()].map((g) => ({
    idFrom: { content: contentHex(g.document, g.text) },
    participant: people.add(g.participant),
    document: g.document,
    order: [docIndex.get(g.participant) ?? 0, g.row],
    text: g.text,
    codes: [...g.codes],
  }));
  return {
    problems,
    project: {
      format: `QualCoder coding report CSV${col.caseColumn >= 0 ? ' (by case)' : ''}`,
      name,
      codes,
      participants: people.list(),
      excerpts,
      skipped,
      notes: [
        `${rows.length} codings were merged into ${groups.size} excerpts (same file, same text); excerpt ids come from each passage's file and text, not from QualCoder's row order or coding ids.`,
        ...(col.caseColumn >= 0
          ? ['Participants are QualCoder\'s cases (column "Case"); a coding in no case belongs to its file.']
          : []),
        ...(coders.size > 1 ? [`Codings of ${coders.size} coders were merged.`] : []),
        ...(memos ? [`${memos} coding memos were not imported (memos are not published).`] : []),
        ...(codebook
          ? []
          : ['No codebook was given (--codebook codebook.qdc from QualCoder): codes have no descriptions or colours.']),
      ],
    },
  };
}
