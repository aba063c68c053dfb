/** Test helpers: fixtures as inputs, .qdpx zips built from fixture folders, study files as rows. */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { zipSync } from 'fflate';
import { readCsv } from './csv.ts';
import { importStudy, type ImportOptions, type ImportResult } from './import-study.ts';
import type { InputFile } from './model.ts';

/** The import fixtures folder. */
export const FIXTURES = new URL('../fixtures/import/', import.meta.url).pathname;

/** A fixture file as the importer's input, named relative to the fixtures folder. */
export const fixture = (path: string): InputFile => ({ name: path, bytes: readFileSync(join(FIXTURES, path)) });

/** Zips a fixture folder into a .qdpx named `<folder>.qdpx`, as an export tool would. */
export function qdpx(folder: string): InputFile {
  const files: Record<string, Uint8Array> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else files[relative(join(FIXTURES, folder), full)] = readFileSync(full);
    }
  };
  walk(join(FIXTURES, folder));
  return {
    name: `${folder.replace(/\/.*$/, '')}.qdpx`,
    bytes: zipSync(files, { mtime: new Date('2024-01-01T00:00:00Z') }),
  };
}

/** Imports with a fixed year, so outputs are stable. */
export const run = (input: InputFile, options: Partial<ImportOptions> = {}): ImportResult =>
  importStudy(input, { year: 2024, ...options });

/** Rows of a CSV file of the result, as objects by header name. */
export function rows(result: ImportResult, file: string): Record<string, string>[] {
  const [header, ...records] = readCsv(result.files[file]).records;
  return records.map((r) => Object.fromEntries(header.cells.map((h, i) => [h, r.cells[i]])));
}

/** Excerpts as `id participant codes text` tuples, the shape most tests pin. */
export const excerpts = (result: ImportResult) =>
  rows(result, 'excerpts.csv').map((r) => [r.id, r.participant, r.codes, r.text]);

/** The problems an import throws, formatted as the CLI prints them. */
export function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    return (
      (e as { problems?: { file: string; line?: number; column?: number; field?: string; message: string }[] })
        .problems ?? []
    ).map(
      (p) =>
        `${p.line ? `${p.file}:${p.line}${p.column ? `:${p.column}` : ''}` : p.file}${p.field ? ` ${p.field}` : ''}: ${p.message}`,
    );
  }
  throw new Error('expected the import to fail');
}

/**
 * Validates a file against an XSD with xmllint. Returns undefined when xmllint is missing and
 * CI is not set (the caller skips); in CI a missing xmllint fails, so validation is never lost.
 */
export function xmllintAvailable(): boolean {
  const missing = spawnSync('xmllint', ['--version']).error !== undefined;
  if (missing && process.env.CI) throw new Error('xmllint is missing: install the Debian package libxml2-utils');
  if (missing) console.warn('xmllint not found: skipping XSD validation (apt-get install libxml2-utils)');
  return !missing;
}

/** xmllint's verdict on a file: "<file> validates" or its errors. */
export const xmllint = (xsd: string, file: string): string =>
  spawnSync('xmllint', ['--noout', '--schema', xsd, file], { encoding: 'utf8' }).stderr.trim();
