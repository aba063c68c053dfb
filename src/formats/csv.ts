/**
 * The project's one CSV writer (RFC 4180): CRLF line ends, a field quoted when it holds a comma,
 * quote or line break, or starts or ends with white space (which a reader that trims unquoted
 * fields would lose), with quotes doubled. The site's downloads and the importer's study folder
 * (scripts/import/) are written with it.
 */

/** What a cell may hold: a missing value is written as an empty field. */
export type CsvCell = string | number | undefined | null;

/** One field, quoted when it needs to be, with quotes doubled. */
function field(value: CsvCell): string {
  const s = value === undefined || value === null ? '' : String(value);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** Rows of cells as CSV text, each row ended by CRLF. */
export function writeCsvRows(rows: CsvCell[][]): string {
  return rows.map((cells) => `${cells.map(field).join(',')}\r\n`).join('');
}

/** A CSV table: the header row, then one row per record, each with the header's columns in order. */
export function toCsv(columns: string[], rows: Record<string, CsvCell>[]): string {
  return writeCsvRows([columns, ...rows.map((row) => columns.map((c) => row[c]))]);
}
