/**
 * CSV in and out. Reading keeps every column, even repeated headers (QualCoder writes one
 * "Category" column per level), which a header-keyed parser would collapse.
 */

import { type CsvRecord, UNCLOSED_QUOTE, readCsvRecords } from '../lib/parse-csv.ts';

export type { CsvRecord };

/** Splits RFC 4180 CSV into records with the project's one tokenizer; an unclosed quote is an error. */
export function readCsv(text: string): { records: CsvRecord[]; error?: { line: number; message: string } } {
  const { records, unclosedQuoteLine } = readCsvRecords(text);
  return unclosedQuoteLine ? { records, error: { line: unclosedQuoteLine, message: UNCLOSED_QUOTE } } : { records };
}

const quote = (value: string) => (/[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** Writes rows as CSV with a header, quoting only where needed, LF line endings. */
export function writeCsv(header: string[], rows: string[][]): string {
  return [header, ...rows].map((r) => r.map(quote).join(',')).join('\n') + '\n';
}
