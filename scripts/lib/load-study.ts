/** Parses the texts of a study folder into typed data, collecting every syntax and schema problem. */
import { parseCsv, parseRows } from './parse-csv.ts';
import { parseYaml } from './parse-yaml.ts';
import type { Problem } from './problems.ts';
import {
  CodebookSchema,
  ExcerptRowSchema,
  ParticipantSchema,
  QuotesSchema,
  RedactionsSchema,
  StudySchema,
  type Codebook,
  type ExcerptRow,
  type Participant,
  type Quotes,
  type Redaction,
  type Study,
} from './schema.ts';
import type { StudyFiles } from './study-files.ts';

/** A value with the line of the file it came from. */
export interface Located<T> {
  line: number;
  value: T;
}

/** A study folder parsed; a part is missing when its file was missing or malformed. */
export interface LoadedStudy {
  dir: string;
  study?: Study;
  codebook?: Codebook;
  participants: Located<Participant>[];
  excerpts: Located<ExcerptRow>[];
  quotes?: Quotes;
  /** Line of each quotes.yaml entry, by `${themeId}.${index}`. */
  quoteLines: Record<string, number | undefined>;
  redactions: Redaction[];
  redactionLines: (number | undefined)[];
  narratives: Record<string, string>;
  /** Files that had syntax or schema problems: checks against their contents would only repeat them. */
  broken: Set<string>;
}

const EXCERPT_COLUMNS = ['id', 'participant', 'codes', 'text'];

/** Parses every file; returns what could be read and all problems found on the way. */
export function loadStudy(files: StudyFiles): { loaded: LoadedStudy; problems: Problem[] } {
  const problems: Problem[] = [...(files.unreadable ?? [])];
  const path = (name: string) => `${files.dir}/${name}`;
  const unreadable = new Set(problems.map((p) => p.file));
  // A file that is there but not UTF-8 has its own problem already.
  const missing = (name: string) =>
    unreadable.has(path(name)) ||
    problems.push({ file: path(name), message: 'file not found (expected it in the study folder)' });

  const yaml = <T>(
    text: string | undefined,
    name: string,
    schema: Parameters<typeof parseYaml>[2],
    optional = false,
  ) => {
    if (text === undefined) {
      if (!optional) missing(name);
      return undefined;
    }
    const result = parseYaml(text, path(name), schema);
    problems.push(...result.problems);
    return { value: result.value as T | undefined, lineOf: result.lineOf };
  };
  const csv = (text: string | undefined, name: string, required: string[]) => {
    if (text === undefined) {
      missing(name);
      return [];
    }
    const result = parseCsv(text, path(name), required);
    problems.push(...result.problems);
    return result.rows;
  };

  const study = yaml<Study>(files.study, 'study.yaml', StudySchema);
  const codebook = yaml<Codebook>(files.codebook, 'codebook.yaml', CodebookSchema);
  const quotes = yaml<Quotes>(files.quotes, 'quotes.yaml', QuotesSchema);
  const redactions = yaml<Redaction[]>(files.redactions, 'redactions.yaml', RedactionsSchema, true);

  const participantRows = parseRows(
    csv(files.participants, 'participants.csv', ['id']),
    path('participants.csv'),
    ParticipantSchema,
    ['id'],
  );
  const excerptRows = parseRows(
    csv(files.excerpts, 'excerpts.csv', EXCERPT_COLUMNS),
    path('excerpts.csv'),
    ExcerptRowSchema,
    EXCERPT_COLUMNS,
  );
  problems.push(...participantRows.problems, ...excerptRows.problems);

  const quoteLines: Record<string, number | undefined> = {};
  for (const [theme, list] of Object.entries(quotes?.value ?? {})) {
    list.forEach((_, i) => {
      quoteLines[`${theme}.${i}`] = quotes?.lineOf([theme, i]);
    });
  }
  const redactionList = redactions?.value ?? [];
  return {
    loaded: {
      dir: files.dir,
      study: study?.value,
      codebook: codebook?.value,
      participants: participantRows.items,
      excerpts: excerptRows.items,
      quotes: quotes?.value,
      quoteLines,
      redactions: redactionList,
      redactionLines: redactionList.map((_, i) => redactions?.lineOf([i])),
      narratives: files.narratives,
      broken: new Set(problems.map((p) => p.file.slice(files.dir.length + 1))),
    },
    problems,
  };
}

/**
 * Only study.yaml and redactions.yaml, without the excerpts: what the privacy scan needs once the
 * content stage has read and validated the whole folder. Parts that do not parse are left out.
 */
export function loadScanInputs(files: Pick<StudyFiles, 'dir' | 'study' | 'redactions'>): {
  study?: Study;
  redactions: Redaction[];
} {
  const study =
    files.study === undefined
      ? undefined
      : (parseYaml(files.study, `${files.dir}/study.yaml`, StudySchema).value as Study | undefined);
  const redactions =
    files.redactions === undefined
      ? undefined
      : (parseYaml(files.redactions, `${files.dir}/redactions.yaml`, RedactionsSchema).value as
          Redaction[] | undefined);
  return { study, redactions: redactions ?? [] };
}
