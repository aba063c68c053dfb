/**
 * CSV in and out. Reading keeps every column, even repeated headers (QualCoder writes one
 * "Category" column per level), which a header-keyed parser would collapse.
 */

import { writeCsvRows } from '../../src/formats/csv.ts';
import { type CsvRecord, UNCLOSED_QUOTE, readCsvRecords } from '../lib/parse-csv.ts';

export type { CsvRecord };

/** Splits RFC 4180 CSV into records with the project's one tokenizer; an unclosed quote is an error. */
export function readCsv(text: string): { records: CsvRecord[]; error?: { line: number; message: string } } {
  const { records, unclosedQuoteLine } = readCsvRecords(text);
  return unclosedQuoteLine ? { records, error: { line: unclosedQuoteLine, message: UNCLOSED_QUOTE } } : { records };
}

/** Writes a header and rows as CSV with the site's writer (src/formats/csv.ts): RFC 4180, CRLF line ends. */
export function writeCsv(header: string[], rows: string[][]): string {
  return writeCsvRows([header, ...rows]);
}
