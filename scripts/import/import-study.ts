/**
 * The importer: detects the format of a QDA export, reads it, applies a --participants mapping
 * and writes the study folder's files. Pure: files come in as bytes, files go out as texts, and
 * every problem is collected and thrown together as one StudyError.
 *
 * Formats: .qdpx (REFI-QDA project zip), .qde (bare REFI-QDA project), .qdc (REFI-QDA codebook),
 * .csv (Taguette highlights or QualCoder coding report, told apart by their header).
 */
import { loadStudy } from '../lib/load-study.ts';
import { StudyError, formatProblem, type Problem } from '../lib/problems.ts';
import { validateStudy } from '../lib/validate.ts';
import type { StudyFiles } from '../lib/study-files.ts';
import { readCsv } from './csv.ts';
import type { CodeNode, ImportedProject, InputFile } from './model.ts';
import type { PositionUnit } from './positions.ts';
import { isQualCoderHeader, readQualCoder } from './qualcoder.ts';
import { openQde, openQdpx, type ReadExternal } from './read-qdpx.ts';
import { readQdc } from './refi-codebook.ts';
import { readRefiProject } from './refi-project.ts';
import { readRecord } from './record.ts';
import { renderReport } from './report.ts';
import { isTaguetteHeader, readTaguette, readTaguetteCodebook } from './taguette.ts';
import { toStudyFolder, type ImportSummary } from './to-study-folder.ts';
import { columnIndex } from './tool-csv.ts';

/** Everything besides the input file. */
export interface ImportOptions {
  /** How the project counts positions; default: UTF-16 for NVivo, else code points. */
  positions?: PositionUnit;
  /** A codebook for CSV formats: Taguette's codebook CSV or any REFI-QDA .qdc. */
  codebook?: InputFile;
  /** A CSV mapping documents to participants: columns `document`, `id`, then attributes. */
  participants?: InputFile;
  /** Reads files outside the archive (relative:// sources, sources beside a bare .qde). */
  readExternal?: ReadExternal;
  /** Placeholder year for study.yaml. */
  year: number;
  /** Ids of a previous import, kept for codes whose GUIDs export-qdc made from them. */
  knownIds?: string[];
  /** The folder being re-imported into; its hand-written files are kept and codebook.yaml merged. */
  previous?: StudyFiles;
  /** The text of the folder's import-record.json, if it has one. */
  record?: string;
  /** Replace the folder with the export alone (--overwrite). */
  overwrite?: boolean;
  /** Drop references to excerpts the export no longer has (--drop-dangling). */
  dropDangling?: boolean;
  /** The output folder, as named in the report. */
  out?: string;
}

/** The study folder's files and the report (printed and written beside the folder, never inside). */
export interface ImportResult {
  files: Record<string, string>;
  summary: ImportSummary;
  report: string;
}

const decoder = new TextDecoder('utf-8');
const baseName = (name: string) => name.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
const extension = (name: string) => /\.([^.\\/]+)$/.exec(name)?.[1].toLowerCase() ?? '';

/** Imports a QDA export; throws StudyError listing every problem, or returns the files. */
export function importStudy(input: InputFile, options: ImportOptions): ImportResult {
  const problems: Problem[] = [];
  const project = read(input, options, problems);
  if (project && options.participants) applyMapping(project, options.participants, problems);
  if (problems.length || !project) throw new StudyError(problems);
  if (!project.name.trim()) project.name = baseName(input.name);
  const { record, problem } = readRecord(options.overwrite ? undefined : options.record);
  if (problem) project.notes.push(`${problem}: the merge had no record of the last import.`);
  const { files, summary } = toStudyFolder(project, {
    source: input.name,
    year: options.year,
    knownIds: options.knownIds,
    previous: options.previous,
    record,
    overwrite: options.overwrite,
    dropDangling: options.dropDangling,
  });
  summary.validation = validate(files, options.out ?? '<study folder>');
  return { files, summary, report: renderReport(summary, options.out ?? '<study folder>') };
}

function read(input: InputFile, options: ImportOptions, problems: Problem[]): ImportedProject | undefined {
  const external = options.readExternal ?? (() => undefined);
  const ext = extension(input.name);
  const isZip = input.bytes[0] === 0x50 && input.bytes[1] === 0x4b;
  if (ext === 'qdpx' || ext === 'qde' || (ext === 'xml' && !isZip)) {
    const opened = ext === 'qdpx' ? openQdpx(input, external) : openQde(input, external);
    problems.push(...opened.problems);
    if (!opened.opened) return undefined;
    const result = readRefiProject(opened.opened.xml, opened.opened.file, opened.opened.files, options.positions);
    problems.push(...result.problems);
    if (options.codebook)
      result.project?.notes.push(
        `--codebook ${options.codebook.name} was ignored: a REFI-QDA project has its own codebook.`,
      );
    return result.project;
  }
  if (ext === 'qdc') {
    const result = readQdc(decoder.decode(input.bytes), input.name, baseName(input.name));
    problems.push(...result.problems);
    return result.project;
  }
  if (ext === 'csv') {
    const text = decoder.decode(input.bytes);
    const header = readCsv(text).records[0]?.cells ?? [];
    const codebook = options.codebook ? readCodebook(options.codebook, problems) : undefined;
    const reader = isTaguetteHeader(header) ? readTaguette : isQualCoderHeader(header) ? readQualCoder : undefined;
    if (!reader) {
      problems.push({
        file: input.name,
        line: 1,
        message: `found header ${JSON.stringify(header.join(','))}, expected Taguette's highlights export (id,document,tag,content) or QualCoder's coding report (File,Coder,Coded,Id,Codename,Coded_Memo,... or Case,Filename,Coder,...)`,
      });
      return undefined;
    }
    const result = reader(text, input.name, baseName(input.name), codebook);
    problems.push(...result.problems);
    return result.project;
  }
  problems.push({
    file: input.name,
    message: `found a .${ext || '(no extension)'} file, expected .qdpx, .qde, .qdc (REFI-QDA) or .csv (Taguette, QualCoder)`,
  });
  return undefined;
}

/**
 * The build's own checks on the folder as written, so that a problem the next build would stop
 * on shows in the report now; problems the import causes itself already stopped it.
 */
function validate(files: Record<string, string>, dir: string): string[] {
  const narratives = Object.fromEntries(
    Object.entries(files)
      .filter(([f]) => /^themes\/[^/]+\.mdx$/.test(f))
      .map(([f, t]) => [f.slice(7, -4), t]),
  );
  const { loaded, problems } = loadStudy({
    dir,
    study: files['study.yaml'],
    codebook: files['codebook.yaml'],
    participants: files['participants.csv'],
    excerpts: files['excerpts.csv'],
    quotes: files['quotes.yaml'],
    redactions: files['redactions.yaml'],
    brief: files['brief.yaml'],
    narratives,
  });
  return [...problems, ...validateStudy(loaded)].map(formatProblem);
}

/** Reads --codebook: Taguette's codebook CSV or a REFI-QDA .qdc. */
function readCodebook(file: InputFile, problems: Problem[]): { codes: CodeNode[]; file: string } | undefined {
  const text = decoder.decode(file.bytes);
  const qdc = extension(file.name) === 'qdc' ? readQdc(text, file.name, '') : undefined;
  const result = qdc
    ? { codes: qdc.project?.codes ?? [], problems: qdc.problems }
    : readTaguetteCodebook(text, file.name);
  problems.push(...result.problems);
  return result.problems.length ? undefined : { codes: result.codes, file: file.name };
}

/**
 * Applies a --participants mapping (`document,id[,attribute...]`): each document's passages go
 * to the pseudonym given, and the mapping's other columns become the attributes. Several
 * documents may map to one participant (two interviews with one person).
 */
function applyMapping(project: ImportedProject, mapping: InputFile, problems: Problem[]): void {
  const {
    records: [header, ...rows],
    error,
  } = readCsv(decoder.decode(mapping.bytes));
  const file = mapping.name;
  if (error) {
    problems.push({ file, ...error });
    return;
  }
  const [doc, id] = [columnIndex(header?.cells ?? [], 'document'), columnIndex(header?.cells ?? [], 'id')];
  if (doc < 0 || id < 0) {
    problems.push({
      file,
      line: 1,
      message: `found header ${JSON.stringify(header?.cells.join(',') ?? '')}, expected columns document,id and optional attribute columns`,
    });
    return;
  }
  const attributeColumns = header.cells.map((c, i) => ({ c: c.trim(), i })).filter(({ i }) => i !== doc && i !== id);
  const byDocument = new Map<string, string>();
  const participants = new Map<string, ImportedProject['participants'][number]>();
  for (const r of rows) {
    const [d, p] = [r.cells[doc]?.trim() ?? '', r.cells[id]?.trim() ?? ''];
    if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(p)) {
      problems.push({
        file,
        line: r.line,
        field: 'column "id"',
        message: `found ${JSON.stringify(p)}, expected a pseudonym like P01`,
      });
      continue;
    }
    if (byDocument.has(d)) {
      problems.push({
        file,
        line: r.line,
        field: 'column "document"',
        message: `document ${JSON.stringify(d)} is mapped twice`,
      });
      continue;
    }
    byDocument.set(d, `mapped:${p}`);
    const attributes = Object.fromEntries(attributeColumns.map(({ c, i }) => [c, r.cells[i]?.trim() ?? '']));
    participants.set(p, {
      key: `mapped:${p}`,
      name: [participants.get(p)?.name, d].filter(Boolean).join(' + '),
      id: p,
      attributes: { ...attributes, ...participants.get(p)?.attributes },
    });
  }
  const missing = new Set<string>();
  for (const e of project.excerpts) {
    const key = byDocument.get(e.document.trim());
    if (key) e.participant = key;
    else missing.add(e.document);
  }
  for (const d of missing)
    problems.push({
      file,
      message: `document ${JSON.stringify(d)} has coded passages but no row in the mapping, expected a row "${d},<pseudonym>"`,
    });
  project.participants = [...participants.values()];
  project.notes.push(`Participants come from the mapping ${file}.`);
}
