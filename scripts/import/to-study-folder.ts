/**
 * Turns an imported project into the files of a study folder that the build accepts:
 * codebook.yaml, participants.csv, excerpts.csv, a study.yaml whose every placeholder is marked
 * TODO, placeholder narratives, an empty quotes.yaml and redactions.yaml, and import-record.json.
 *
 * On a re-import (`previous` given, not `overwrite`), what the research team wrote is kept:
 * study.yaml, quotes, redactions, brief and narratives as they are; codebook.yaml merged three
 * ways against the record; excerpts keep their ids, translations and text edits. References the
 * new export leaves dangling stop the import (or are dropped, with `dropDangling`).
 */
import { stringify } from 'yaml';
import { guidForId } from '../../src/formats/qdc.ts';
import { StudyError, type Problem } from '../lib/problems.ts';
import type { StudyFiles } from '../lib/study-files.ts';
import { mapCodebook } from './codebook-map.ts';
import { readCsv, writeCsv } from './csv.ts';
import { assignExcerptIds, type ExcerptIds } from './excerpt-ids.ts';
import { participantIds } from './ids.ts';
import type { ImportedProject, Skip } from './model.ts';
import {
  RECORD_FILE,
  nameDigest,
  recordOf,
  releasedIds,
  textDigest,
  writeRecord,
  type ImportRecord,
} from './record.ts';
import { checkDangling, mergeFolderCodebook, type MergeReport } from './reimport.ts';
import type { Reference } from './references.ts';
import { studyYaml } from './study-yaml.ts';
import { guidKey } from './xml.ts';

/** The placeholder each new theme narrative gets. */
export const NARRATIVE_PLACEHOLDER = 'Narrative to be written by the research team.\n';

/** How to write the folder. */
export interface FolderOptions {
  /** The input file as the user named it, for header comments. */
  source: string;
  /** Placeholder year of publication in study.yaml. */
  year: number;
  /** Ids of a previous import: a code whose GUID was made from one of them (by export-qdc) keeps it. */
  knownIds?: string[];
  /** The folder being re-imported into; its team-written files are kept and merged. */
  previous?: StudyFiles;
  /** The folder's import-record.json, read. */
  record?: ImportRecord;
  /** Replace the folder with the export alone: nothing of `previous` is kept. */
  overwrite?: boolean;
  /** Drop quotes and `<Quote>`s of excerpts the export no longer has, instead of stopping. */
  dropDangling?: boolean;
}

/** What was imported, for the report. */
export interface ImportSummary {
  format: string;
  source: string;
  counts: { themes: number; subthemes: number; codes: number; participants: number; excerpts: number };
  /** Pseudonym, the case or file name it stands for (private), and excerpt count. */
  participants: { id: string; name: string; excerpts: number }[];
  skipped: Skip[];
  notes: string[];
  /** Files of the previous folder that were kept as they were. */
  kept: string[];
  /** Narratives of themes that are gone, with their text (copied into the report, so nothing is lost). */
  dropped: { file: string; text: string }[];
  /** On a re-import: the codebook merge, what happened to excerpt ids, references dropped. */
  merge?: MergeReport;
  excerptIds?: ExcerptIds;
  droppedReferences: Reference[];
  /** Excerpts whose text the team had edited in excerpts.csv, kept over the tool's. */
  keptTexts: string[];
  /** Gone excerpts that a release published: the next build asks for the release to be scrubbed. */
  goneReleased: string[];
  /** What the build's checks say about the folder as written (set by import-study.ts). */
  validation?: string[];
  /** Pseudonyms the record did not have (on a re-import). */
  newParticipants: string[];
}

const EXCERPT_COLUMNS = ['id', 'participant', 'position', 'codes', 'text', 'original_lang', 'original_text'];

/** Rows of the previous excerpts.csv by id. */
function previousRows(text: string | undefined): Map<string, Record<string, string>> {
  const [header, ...rows] = text ? readCsv(text).records : [];
  return new Map(
    rows
      .map((r) => Object.fromEntries((header?.cells ?? []).map((h, i) => [h, r.cells[i] ?? ''])))
      .map((r) => [r.id, r]),
  );
}

/** Builds every file of the study folder; throws StudyError listing every problem. */
export function toStudyFolder(
  project: ImportedProject,
  options: FolderOptions,
): { files: Record<string, string>; summary: ImportSummary } {
  const problems: Problem[] = [];
  const previous = options.overwrite ? undefined : options.previous;
  const record = options.overwrite ? undefined : options.record;
  const used = new Set(project.excerpts.flatMap((e) => e.codes));
  const known = new Map((options.knownIds ?? []).map((id) => [guidKey(guidForId(id)), id]));
  for (const [id, n] of Object.entries(record?.nodes ?? {}))
    if (n.key && !n.key.startsWith('generated:')) known.set(n.key, id);
  const mapped = mapCodebook(project.codes, used, known);
  const { codeOf, skipped, notes } = mapped;
  if (!mapped.codebook.themes.length)
    throw new StudyError([
      { file: options.source, message: 'the project has no codes, expected a codebook with at least one code' },
    ]);

  let codebook = mapped.codebook;
  let merge: MergeReport | undefined;
  if (previous?.codebook !== undefined) {
    const merged = mergeFolderCodebook(
      previous,
      record,
      mapped.codebook,
      mapped.given,
      NARRATIVE_PLACEHOLDER,
      problems,
    );
    if (merged.codebook) codebook = merged.codebook;
    merge = merged.report;
    notes.push(...merged.notes);
  }
  const order = codebook.themes.flatMap((t) => t.subthemes.flatMap((s) => s.codes.map((c) => c.id)));

  // Participants: kept pseudonyms by name, else numbered in name order; rows sorted by id.
  // The last import's pseudonym, by name (a renamed file is a new participant) or by the tool's key (a renamed case is not).
  // Two sources may share a name (MAXQDA allows it): then only the key can tell them apart.
  const named = new Map<string, number>();
  for (const p of project.participants) named.set(p.name, (named.get(p.name) ?? 0) + 1);
  const lastId = project.participants.map(
    (p) =>
      record?.participants[nameDigest(p.key)] ??
      (named.get(p.name) === 1 ? record?.participants[nameDigest(p.name)] : undefined),
  );
  const pseudonyms = participantIds(project.participants, (i) => lastId[i]);
  const idOf = new Map(project.participants.map((p, i) => [p.key, pseudonyms[i]]));
  const columns = [...new Set(project.participants.flatMap((p) => Object.keys(p.attributes)))];
  for (const p of project.participants) {
    const years = p.attributes.years_experience;
    // The build requires whole years from 0 to 70; anything else would stop it.
    if (years !== undefined && years !== '' && !/^([0-9]|[1-6][0-9]|70)$/.test(years.trim())) {
      skipped.push({
        what: `years_experience "${years}" of participant ${idOf.get(p.key)}`,
        why: 'it is not a whole number of years from 0 to 70',
      });
      p.attributes.years_experience = '';
    }
  }
  const participants = [...project.participants].sort((a, b) => (idOf.get(a.key)! < idOf.get(b.key)! ? -1 : 1));

  // Excerpts: ordered by participant, then document order; ids from the record, GUIDs or content.
  const rank = new Map(participants.map((p, i) => [p.key, i]));
  const compare = (a: number[], b: number[]) => {
    for (let i = 0; i < Math.max(a.length, b.length); i++)
      if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) - (b[i] ?? 0);
    return 0;
  };
  const excerpts = [...project.excerpts].sort(
    (a, b) => rank.get(a.participant)! - rank.get(b.participant)! || compare(a.order, b.order),
  );
  const old = previousRows(previous?.excerpts);
  const released = releasedIds(options.previous);
  const assigned = assignExcerptIds(excerpts, record, new Map([...old].map(([id, r]) => [id, r.text ?? ''])), released);
  const positions = new Map<string, number>();
  const keptTexts: string[] = [];
  const excerptRows = excerpts.map((e, i) => {
    const id = assigned.ids[i];
    const position = (positions.get(e.participant) ?? 0) + 1;
    positions.set(e.participant, position);
    const codes = [...new Set(e.codes.map((k) => codeOf.get(k)!))].sort((a, b) => order.indexOf(a) - order.indexOf(b));
    const before = old.get(id);
    // The team edited the text in excerpts.csv (and the tool did not): theirs stands.
    const teamEdited =
      before &&
      record?.excerpts[id] &&
      textDigest(before.text) !== record.excerpts[id].text &&
      textDigest(e.text) === record.excerpts[id].text;
    if (teamEdited) keptTexts.push(id);
    return [
      id,
      idOf.get(e.participant)!,
      String(position),
      codes.join(';'),
      teamEdited ? before.text : e.text,
      before?.original_lang ?? '',
      before?.original_text ?? '',
    ];
  });

  // The team's files, with dangling excerpt references named (or dropped).
  const themeOfCode = new Map(
    codebook.themes.flatMap((t) => t.subthemes.flatMap((s) => s.codes.map((c) => [c.id, t.id]))),
  );
  const themesOf = new Map(excerptRows.map((r) => [r[0], new Set(r[3].split(';').map((c) => themeOfCode.get(c)!))]));
  const team = previous
    ? checkDangling(
        previous,
        themesOf,
        new Set(codebook.themes.map((t) => t.id)),
        options.dropDangling ?? false,
        problems,
      )
    : undefined;
  if (problems.length) throw new StudyError(problems);

  const header = (what: string) =>
    `# ${what}\n# Imported by \`npm run import\` from ${options.source} (${project.format}).\n`;
  const kept: string[] = [];
  const keep = (file: string, old: string | undefined, fresh?: string): Record<string, string> => {
    if (old !== undefined) {
      kept.push(file);
      return { [file]: old };
    }
    return fresh === undefined ? {} : { [file]: fresh };
  };
  const files: Record<string, string> = {
    ...keep('study.yaml', previous?.study, studyYaml(project, options, project.participants.length)),
    'codebook.yaml': `${header('Codebook: themes -> subthemes -> codes. Replace every "to be written" placeholder.')}${stringify(codebook, { lineWidth: 0 })}`,
    'participants.csv': writeCsv(
      ['id', ...columns],
      participants.map((p) => [idOf.get(p.key)!, ...columns.map((c) => p.attributes[c] ?? '')]),
    ),
    'excerpts.csv': writeCsv(EXCERPT_COLUMNS, excerptRows),
    ...keep(
      'quotes.yaml',
      team?.quotes,
      '# Curated quotes: per theme id, a list of { excerpt: E..., lead: optional lead-in }.\n{}\n',
    ),
    ...keep(
      'redactions.yaml',
      previous?.redactions,
      '# Private: names and places to replace in every published text, e.g.\n# - term: Sarwarabad District Hospital\n#   replacement: "[hospital]"\n[]\n',
    ),
    ...keep('brief.yaml', previous?.brief),
    [RECORD_FILE]: writeRecord({
      ...recordOf(mapped, excerpts, assigned.ids, project.participants, idOf),
      retired: [...(record?.retired ?? []), ...assigned.gone],
    }),
  };
  for (const t of codebook.themes)
    Object.assign(files, keep(`themes/${t.id}.mdx`, team?.narratives[t.id], NARRATIVE_PLACEHOLDER));
  // Narratives of themes the codebook no longer has (removed by you, or empty): their text goes into the report.
  const dropped = Object.entries(team?.narratives ?? {})
    .filter(([id, text]) => !files[`themes/${id}.mdx`] && text.trim() !== NARRATIVE_PLACEHOLDER.trim())
    .map(([id, text]) => ({ file: `themes/${id}.mdx`, text }));

  const n = project.participants.length;
  // With no attribute shown, all participants form one group: fewer than k stops the build.
  if (n > 0 && n < 3)
    notes.push(
      `Only ${n} participant${n === 1 ? '' : 's'}: with privacy.k = 3 the build refuses this folder until it holds at least 3.`,
    );
  const counts = new Map<string, number>();
  for (const row of excerptRows) counts.set(row[1], (counts.get(row[1]) ?? 0) + 1);
  return {
    files,
    summary: {
      format: project.format,
      source: options.source,
      counts: {
        themes: codebook.themes.length,
        subthemes: codebook.themes.reduce((k, t) => k + t.subthemes.length, 0),
        codes: order.length,
        participants: project.participants.length,
        excerpts: excerptRows.length,
      },
      participants: participants.map((p) => ({
        id: idOf.get(p.key)!,
        name: p.name,
        excerpts: counts.get(idOf.get(p.key)!) ?? 0,
      })),
      skipped: [...project.skipped, ...skipped],
      notes: [...project.notes, ...notes],
      kept,
      dropped,
      merge,
      excerptIds: record || old.size ? assigned : undefined,
      droppedReferences: team?.dropped ?? [],
      keptTexts,
      goneReleased: assigned.gone.filter((id) => released.has(id)),
      newParticipants: record
        ? project.participants
            .filter((_, i) => !lastId[i])
            .map((p) => idOf.get(p.key)!)
            .sort()
        : [],
    },
  };
}
