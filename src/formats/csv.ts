/** RFC 4180 CSV writing: CRLF line ends, a field quoted when it holds a comma, quote or line break. */

/** One field, quoted when it needs to be, with quotes doubled. */
function field(value: string | number | undefined | null): string {
  const s = value === undefined || value === null ? '' : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** A CSV table: the header row, then one row per record, each with the header's columns in order. */
export function toCsv(columns: string[], rows: Record<string, string | number | undefined | null>[]): string {
  return [columns, ...rows.map((row) => columns.map((c) => row[c]))].map((cells) => cells.map(field).join(',')).join('\r\n') + '\r\n';
}
