/**
 * CSV in and out. Reading keeps every column, even repeated headers (QualCoder writes one
 * "Category" column per level), which a header-keyed parser would collapse.
 */

/** One record: its cells and the 1-based line it starts on. */
export interface CsvRecord { line: number; cells: string[] }

/** Splits RFC 4180 CSV (any line ending, optional byte-order mark) into records. */
export function readCsv(text: string): { records: CsvRecord[]; error?: { line: number; message: string } } {
  const records: CsvRecord[] = [];
  const src = text.replace(/^\uFEFF/, '');
  let cells: string[] = [];
  let cell = '';
  let [line, start, quoted, quoteLine] = [1, 1, false, 0];
  const endRecord = () => {
    cells.push(cell);
    if (cells.length > 1 || cells[0] !== '') records.push({ line: start, cells });
    cells = []; cell = '';
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false;
      else { if (ch === '\n') line++; cell += ch; }
    } else if (ch === '"' && cell === '') { quoted = true; quoteLine = line; } else if (ch === ',') { cells.push(cell); cell = ''; } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      endRecord(); line++; start = line;
    } else cell += ch;
  }
  if (quoted) return { records, error: { line: quoteLine, message: 'a quoted field is never closed (expected a closing ")' } };
  endRecord();
  return { records };
}

const quote = (value: string) => (/[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** Writes rows as CSV with a header, quoting only where needed, LF line endings. */
export function writeCsv(header: string[], rows: string[][]): string {
  return [header, ...rows].map((r) => r.map(quote).join(',')).join('\n') + '\n';
}
