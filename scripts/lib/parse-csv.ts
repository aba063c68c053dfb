/** RFC 4180 CSV parsing that remembers the line each row starts on, for precise error messages. */
import type { z } from 'zod';
import { type Problem, didYouMean, show } from './problems.ts';

/** A parsed row: its cells by header name and the 1-based line it starts on. */
export interface CsvRow {
  line: number;
  cells: Record<string, string>;
}

/** One record of raw cells (every column, repeated headers too) and the 1-based line it starts on. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/** Splits RFC 4180 CSV text (any line ending, optional byte-order mark) into records. */
export function readCsvRecords(text: string): { records: CsvRecord[]; unclosedQuoteLine?: number } {
  const src = text.replace(/^\uFEFF/, '');
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  // Where the pending run of literal characters of the cell began (-1: none). Cells are built from
  // slices of the text, not a character at a time: at 20,000 excerpts that was most of the parse.
  let run = -1;
  const flush = (end: number) => {
    if (run >= 0) cell += src.slice(run, end);
    run = -1;
  };
  let line = 1;
  let start = 1;
  let quoted = false;
  let quoteLine = 0;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        flush(i);
        cell += '"';
        i++;
      } else if (ch === '"') {
        flush(i);
        quoted = false;
      } else {
        // A line break inside quotes still starts a new line in the editor: \n, \r\n or a lone \r.
        if (ch === '\n' || (ch === '\r' && src[i + 1] !== '\n')) line++;
        if (run < 0) run = i;
      }
    } else if (ch === '"' && cell === '' && run < 0) {
      quoted = true;
      quoteLine = line;
    } else if (ch === ',') {
      flush(i);
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      flush(i);
      if (ch === '\r' && src[i + 1] === '\n') i++;
      cells.push(cell);
      if (cells.length > 1 || cells[0] !== '') records.push({ line: start, cells });
      cells = [];
      cell = '';
      line++;
      start = line;
    } else if (run < 0) run = i;
  }
  flush(src.length);
  cells.push(cell);
  if (cells.length > 1 || cells[0] !== '') records.push({ line: start, cells });
  return quoted ? { records, unclosedQuoteLine: quoteLine } : { records };
}

/** `; "kodes" in the header may be a misspelling of it` when a header name is close to the missing column. */
function misspelt(column: string, names: string[]): string {
  const close = /"(.*)"/.exec(didYouMean(column, names))?.[1];
  return close === undefined ? '' : `; ${show(close)} in the header may be a misspelling of it`;
}

/** The message for a quoted field that never closes. */
export const UNCLOSED_QUOTE = 'a quoted field is never closed (expected a closing ")';

/** Parses CSV text with a header row; reports missing columns and rows of the wrong width. */
export function parseCsv(text: string, file: string, required: string[]): { rows: CsvRow[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const split = readCsvRecords(text);
  if (split.unclosedQuoteLine) problems.push({ file, line: split.unclosedQuoteLine, message: UNCLOSED_QUOTE });
  const [header, ...records] = split.records;
  if (!header)
    return {
      rows: [],
      problems: [{ file, message: `the file is empty (expected a header row: ${required.join(',')})` }],
    };
  const names = header.cells.map((c) => c.trim());
  for (const col of required) {
    if (!names.includes(col))
      problems.push({
        file,
        line: 1,
        message: `missing column ${show(col)}, expected a header with the columns ${required.join(',')} (found ${names.join(',')})${misspelt(
          col,
          names.filter((n) => !required.includes(n)),
        )}`,
      });
  }
  if (!records.length)
    problems.push({ file, line: 1, message: 'the file has a header row only, expected at least one row under it' });
  const rows: CsvRow[] = [];
  for (const r of records) {
    if (r.cells.length !== names.length) {
      problems.push({
        file,
        line: r.line,
        message: `found ${r.cells.length} fields, expected ${names.length} as in the header`,
      });
      continue;
    }
    rows.push({ line: r.line, cells: Object.fromEntries(names.map((n, i) => [n, r.cells[i]])) });
  }
  return { rows, problems };
}

/**
 * Validates each row against a schema; a bad row becomes problems naming its line and column. A
 * problem of the header (a missing or unknown column) is reported once, on line 1, not once per row.
 */
export function parseRows<S extends z.ZodType>(
  rows: CsvRow[],
  file: string,
  schema: S,
  required: string[] = [],
): { items: { line: number; value: z.infer<S> }[]; problems: Problem[] } {
  const items: { line: number; value: z.infer<S> }[] = [];
  const problems: Problem[] = [];
  const unknown = new Set<string>();
  // parseCsv has reported these once already.
  const missing = new Set(required.filter((c) => rows.length && !(c in rows[0].cells)));
  const known = 'shape' in schema && schema.shape && typeof schema.shape === 'object' ? Object.keys(schema.shape) : [];
  for (const row of rows) {
    const result = schema.safeParse(row.cells);
    if (result.success) {
      items.push({ line: row.line, value: result.data });
      continue;
    }
    for (const issue of result.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        issue.keys.forEach((k) => unknown.add(k));
        continue;
      }
      const column = String(issue.path[0] ?? '');
      if (missing.has(column)) continue;
      const found = column ? row.cells[column] : undefined;
      problems.push({
        file,
        line: row.line,
        field: column ? `column "${column}"` : undefined,
        message: found === undefined ? issue.message : `found ${show(found)}, expected ${describeExpected(issue)}`,
      });
    }
  }
  for (const column of unknown) {
    // A misspelt required column is reported once, as missing.
    if (didYouMean(column, missing)) continue;
    problems.push({
      file,
      line: 1,
      message: `unknown column ${show(column)}, expected only the columns ${known.join(',')}${didYouMean(column, known)}`,
    });
  }
  return { items, problems };
}

/** Turns a zod issue into the "expected ..." half of a message. */
export function describeExpected(issue: z.core.$ZodIssue): string {
  if (issue.code === 'too_small' && issue.origin === 'string') return 'a non-empty text';
  if (issue.code === 'invalid_format' || issue.code === 'custom') return issue.message;
  if (issue.code === 'invalid_type') return `${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}`;
  if (issue.code === 'unrecognized_keys') return `no unknown fields (found ${issue.keys.join(', ')})`;
  return issue.message;
}
