/**
 * Imports a QDA export into a study folder:
 *
 *   npm run import -- <file> [--out <study folder>] [--positions utf16|codepoints]
 *                    [--codebook <codebook.csv|.qdc>] [--participants <mapping.csv>]
 *                    [--ids-from <codebook.yaml>] [--force | --overwrite] [--drop-dangling]
 *
 * <file> is a .qdpx or .qde (REFI-QDA project: NVivo, ATLAS.ti, MAXQDA, QualCoder), a .qdc
 * (codebook only), or a .csv (Taguette highlights, QualCoder coding report). The folder defaults
 * to content/<file name>. The report is printed and written beside the folder as
 * <folder>.import-report.md, never inside it: it names cases and files and must stay private.
 * Into an existing folder, --force re-imports: codebook.yaml is merged three ways against the
 * folder's import-record.json, the team's files are kept, ids stay; --overwrite replaces the
 * folder with the export alone. On any problem it prints them all, exits non-zero and writes nothing.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { importStudy } from './import/import-study.ts';
import { slugify } from './import/ids.ts';
import type { InputFile } from './import/model.ts';
import type { PositionUnit } from './import/positions.ts';
import { StudyError, formatProblem } from './lib/problems.ts';
import { listFiles } from './lib/list-files.ts';
import { readStudyFolder, replaceFolder } from './lib/study-files.ts';
import { RECORD_FILE } from './import/record.ts';
import { parseCommandLine, usage, UsageError } from './lib/cli.ts';

/** The importer's command line. */
const IMPORT_COMMAND_LINE = {
  command: 'npm run import',
  positionals: ['<file.qdpx|.qde|.qdc|.csv>'],
  minPositionals: 1,
  options: {
    out: { type: 'string', value: '<study folder>' },
    positions: { type: 'string', choices: ['utf16', 'codepoints'] },
    codebook: { type: 'string', value: '<codebook.csv|.qdc>' },
    participants: { type: 'string', value: '<mapping.csv>' },
    'ids-from': { type: 'string', value: '<codebook.yaml>' },
    force: { type: 'boolean' },
    overwrite: { type: 'boolean' },
    'drop-dangling': { type: 'boolean' },
  },
} as const;

/** Parsed command line. */
export interface Args {
  file: string;
  out: string;
  positions?: PositionUnit;
  codebook?: string;
  participants?: string;
  idsFrom?: string;
  force: boolean;
  overwrite: boolean;
  dropDangling: boolean;
}

/** Parses the command line; throws a UsageError (message and usage line) on bad arguments. */
export function parseImportArgs(argv: string[]): Args {
  const {
    values: v,
    positionals: [file],
  } = parseCommandLine(IMPORT_COMMAND_LINE, argv);
  if (v.force && v.overwrite) {
    throw new UsageError(
      `npm run import: --force (merge into the folder) and --overwrite (replace it) exclude each other\n${usage(IMPORT_COMMAND_LINE)}`,
    );
  }
  return {
    file,
    force: Boolean(v.force),
    overwrite: Boolean(v.overwrite),
    dropDangling: Boolean(v['drop-dangling']),
    positions: v.positions as PositionUnit | undefined,
    out: v.out ?? `content/${slugify(basename(file).replace(/\.[^.]*$/, '')) || 'imported'}`,
    codebook: v.codebook,
    participants: v.participants,
    idsFrom: v['ids-from'],
  };
}

/** Ids in a codebook.yaml, read leniently: a folder being re-imported may not validate any more. */
function idsOf(text: string | undefined): string[] {
  if (text === undefined) return [];
  const ids: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.id === 'string') ids.push(o.id);
      for (const key of ['themes', 'subthemes', 'codes']) walk(o[key]);
    }
  };
  try {
    walk(parse(text));
  } catch {
    /* an unreadable codebook keeps no ids */
  }
  return ids;
}

const readInput = (path: string): InputFile => ({ name: path, bytes: readFileSync(path) });

/** What the import writes itself; every other file of the folder is the team's. */
const IMPORT_OWNS = /^(codebook\.yaml|participants\.csv|excerpts\.csv|import-record\.json|themes\/[^/]+\.mdx)$/;
/** The published history, kept even by --overwrite: releases are append-only. */
const HISTORY = /^(releases\/.*|withdrawn\.yaml)$/;

/**
 * Files of the folder the import does not write, kept byte for byte: on a re-import every file
 * the team added (releases/, withdrawn.yaml, anything else); on --overwrite the release history.
 */
function carryOver(dir: string, written: Record<string, string>, overwrite: boolean): Record<string, Uint8Array> {
  const keep = listFiles(dir).filter((f) => !(f in written) && (overwrite ? HISTORY.test(f) : !IMPORT_OWNS.test(f)));
  return Object.fromEntries(keep.map((f) => [f, readFileSync(resolve(dir, f))]));
}

/** Reads, imports and writes; returns the exit code. */
export function run(argv = process.argv.slice(2)): number {
  let args: Args;
  try {
    args = parseImportArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(e.message);
    return 2;
  }
  const out = resolve(args.out);
  const shownOut = relative(process.cwd(), out) || '.';
  for (const path of [args.file, args.codebook, args.participants, args.idsFrom]) {
    if (path !== undefined && !existsSync(path)) {
      console.error(`Cannot import: ${path} does not exist`);
      return 1;
    }
  }
  const exists = existsSync(out) && readdirSync(out).length > 0;
  if (exists && !args.force && !args.overwrite) {
    console.error(
      `Cannot import: ${shownOut} exists and is not empty. Pass --force to re-import into it (codebook.yaml is merged with your edits; study.yaml, quotes, redactions, brief and narratives are kept; ids stay), or --overwrite to replace it with the export alone.`,
    );
    return 1;
  }
  const previous = exists ? readStudyFolder(out) : undefined;
  const recordPath = resolve(out, RECORD_FILE);
  const inputDir = dirname(resolve(args.file));
  try {
    const result = importStudy(readInput(args.file), {
      positions: args.positions,
      codebook: args.codebook ? readInput(args.codebook) : undefined,
      participants: args.participants ? readInput(args.participants) : undefined,
      readExternal: (path) => {
        const full = resolve(inputDir, path);
        return existsSync(full) ? readFileSync(full) : undefined;
      },
      year: new Date().getFullYear(),
      knownIds: idsOf(args.idsFrom ? readFileSync(args.idsFrom, 'utf8') : previous?.codebook),
      previous,
      record: exists && existsSync(recordPath) ? readFileSync(recordPath, 'utf8') : undefined,
      overwrite: args.overwrite,
      dropDangling: args.dropDangling,
      out: shownOut,
    });
    const carried = exists ? carryOver(out, result.files, args.overwrite) : {};
    replaceFolder(out, { ...carried, ...result.files });
    if (Object.keys(carried).length) console.log(`Kept as they were: ${Object.keys(carried).join(', ')}`);
    writeFileSync(`${out}.import-report.md`, result.report);
    console.log(result.report);
    console.log(
      `import: ${args.file} -> ${shownOut} (${Object.keys(result.files).length} files); report in ${shownOut}.import-report.md`,
    );
    return 0;
  } catch (e) {
    if (!(e instanceof StudyError)) throw e;
    console.error(
      `Cannot import ${args.file}: ${e.problems.length} problem${e.problems.length === 1 ? '' : 's'}; nothing was written.`,
    );
    for (const p of e.problems) console.error(`  ${formatProblem(p)}`);
    return 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = run();
