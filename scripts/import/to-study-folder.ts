/**
 * Turns an imported project into the files of a study folder that the build accepts:
 * codebook.yaml, participants.csv, excerpts.csv, a study.yaml whose every placeholder is marked
 * TODO, placeholder narratives, an empty quotes.yaml and redactions.yaml. On a re-import,
 * what the research team wrote (study.yaml, quotes, redactions, narratives) is kept.
 */
import { stringify } from 'yaml';
import { guidForId } from '../lib/export-qdc.ts';
import { StudyError } from '../lib/problems.ts';
import type { StudyFiles } from '../lib/study-files.ts';
import { mapCodebook } from './codebook-map.ts';
import { writeCsv } from './csv.ts';
import { excerptIdFromNumber, excerptIdsFromGuids, participantIds } from './ids.ts';
import type { ImportedProject, Skip } from './model.ts';
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
  /** The folder being replaced, whose hand-written files are kept. */
  previous?: StudyFiles;
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
  /** Files of the previous folder that were kept, and narratives of themes that are gone (with their text). */
  kept: string[];
  dropped: { file: string; text: string }[];
}

const yamlString = (s: string) => JSON.stringify(s);

/** Builds every file of the study folder; throws StudyError when the project has no codes. */
export function toStudyFolder(project: ImportedProject, options: FolderOptions): { files: Record<string, string>; summary: ImportSummary } {
  const used = new Set(project.excerpts.flatMap((e) => e.codes));
  const known = new Map((options.knownIds ?? []).map((id) => [guidKey(guidForId(id)), id]));
  const { codebook, codeOf, skipped, notes } = mapCodebook(project.codes, used, known);
  if (!codebook.themes.length) throw new StudyError([{ file: options.source, message: 'the project has no codes, expected a codebook with at least one code' }]);
  const order = codebook.themes.flatMap((t) => t.subthemes.flatMap((s) => s.codes.map((c) => c.id)));

  // Participants: pseudonyms in project order; attribute columns in order of first appearance.
  const pseudonyms = participantIds(project.participants);
  const idOf = new Map(project.participants.map((p, i) => [p.key, pseudonyms[i]]));
  const columns = [...new Set(project.participants.flatMap((p) => Object.keys(p.attributes)))];
  for (const p of project.participants) {
    const years = p.attributes.years_experience;
    // The build requires whole years from 0 to 70; anything else would stop it.
    if (years !== undefined && years !== '' && !/^([0-9]|[1-6][0-9]|70)$/.test(years.trim())) {
      skipped.push({ what: `years_experience "${years}" of participant ${idOf.get(p.key)}`, why: 'it is not a whole number of years from 0 to 70' });
      p.attributes.years_experience = '';
    }
  }

  // Excerpts: ids from GUIDs or tool numbers; ordered by participant, then document order.
  const guidIds = excerptIdsFromGuids(project.excerpts.flatMap((e) => ('guid' in e.idFrom ? [e.idFrom.guid] : [])));
  const rank = new Map(project.participants.map((p, i) => [p.key, i]));
  const compare = (a: number[], b: number[]) => { for (let i = 0; i < Math.max(a.length, b.length); i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) - (b[i] ?? 0); return 0; };
  const excerpts = [...project.excerpts].sort((a, b) => (rank.get(a.participant)! - rank.get(b.participant)!) || compare(a.order, b.order));
  const positions = new Map<string, number>();
  const excerptRows = excerpts.map((e) => {
    const position = (positions.get(e.participant) ?? 0) + 1;
    positions.set(e.participant, position);
    const codes = [...new Set(e.codes.map((k) => codeOf.get(k)!))].sort((a, b) => order.indexOf(a) - order.indexOf(b));
    const id = 'guid' in e.idFrom ? guidIds.get(e.idFrom.guid)! : excerptIdFromNumber(e.idFrom.number);
    return [id, idOf.get(e.participant)!, String(position), codes.join(';'), e.text, '', ''];
  });

  const header = (what: string) => `# ${what}\n# Imported by \`npm run import\` from ${options.source} (${project.format}).\n`;
  const previous = options.previous;
  const kept: string[] = [];
  const keep = (name: keyof StudyFiles & ('study' | 'quotes' | 'redactions'), file: string, fresh: string) => {
    const old = previous?.[name];
    if (typeof old === 'string') { kept.push(file); return old; }
    return fresh;
  };
  const files: Record<string, string> = {
    'study.yaml': keep('study', 'study.yaml', studyYaml(project, options, project.participants.length)),
    'codebook.yaml': `${header('Codebook: themes -> subthemes -> codes. Replace every "to be written" placeholder.')}${stringify(codebook, { lineWidth: 0 })}`,
    'participants.csv': writeCsv(['id', ...columns], project.participants.map((p) => [idOf.get(p.key)!, ...columns.map((c) => p.attributes[c] ?? '')])),
    'excerpts.csv': writeCsv(['id', 'participant', 'position', 'codes', 'text', 'original_lang', 'original_text'], excerptRows),
    'quotes.yaml': keep('quotes', 'quotes.yaml', '# Curated quotes: per theme id, a list of { excerpt: E..., lead: optional lead-in }.\n{}\n'),
    'redactions.yaml': keep('redactions', 'redactions.yaml', '# Private: names and places to replace in every published text, e.g.\n# - term: Sarwarabad District Hospital\n#   replacement: "[hospital]"\n[]\n'),
  };
  for (const t of codebook.themes) {
    const old = previous?.narratives[t.id];
    if (old !== undefined) kept.push(`themes/${t.id}.mdx`);
    files[`themes/${t.id}.mdx`] = old ?? NARRATIVE_PLACEHOLDER;
  }
  const dropped = Object.entries(previous?.narratives ?? {}).filter(([id]) => !files[`themes/${id}.mdx`]).map(([id, text]) => ({ file: `themes/${id}.mdx`, text }));

  const n = project.participants.length;
  // With no attribute shown, all participants form one group: fewer than k stops the build.
  if (n > 0 && n < 3) notes.push(`Only ${n} participant${n === 1 ? '' : 's'}: with privacy.k = 3 the build refuses this folder until it holds at least 3.`);
  const counts = new Map<string, number>();
  for (const row of excerptRows) counts.set(row[1], (counts.get(row[1]) ?? 0) + 1);
  return {
    files,
    summary: {
      format: project.format, source: options.source,
      counts: {
        themes: codebook.themes.length, subthemes: codebook.themes.reduce((n, t) => n + t.subthemes.length, 0),
        codes: order.length, participants: project.participants.length, excerpts: excerptRows.length,
      },
      participants: project.participants.map((p) => ({ id: idOf.get(p.key)!, name: p.name, excerpts: counts.get(idOf.get(p.key)!) ?? 0 })),
      skipped: [...project.skipped, ...skipped], notes: [...project.notes, ...notes], kept, dropped,
    },
  };
}

/** study.yaml with every value the import cannot know marked TODO; it passes the schema as it is. */
function studyYaml(project: ImportedProject, options: FolderOptions, participants: number): string {
  const todo = (what: string) => yamlString(`TODO: ${what}`);
  return `# Study metadata. Imported by \`npm run import\` from ${options.source} (${project.format}).
# Every value that starts with TODO (and every line marked # TODO) is a placeholder: replace them all
# before publishing. The build accepts the placeholders, so the site can be previewed meanwhile.
title: ${yamlString(project.name)}  # TODO: the article's full title (this is the QDA project's name)
authors:
  - family: ${todo('family name of the first author')}
journal: ${todo('journal name')}
year: ${options.year}  # TODO: year of publication
doi: 10.0000/TODO  # TODO: the article's DOI, e.g. 10.1177/00912174251387812
abstract:
  objective: ${todo('objective, from the abstract')}
  method: ${todo('method, from the abstract')}
  results: ${todo('results, from the abstract')}
  conclusion: ${todo('conclusion, from the abstract')}
question: ${todo('the research question in one sentence')}
design: ${todo('study design, e.g. Qualitative, in-depth interviews')}
setting: ${todo('where the study took place')}
sampling: ${todo('how participants were sampled')}
sampleSize: ${Math.max(1, participants)}  # TODO: check against the article (participants imported: ${participants})
analysis: ${todo('analysis approach, e.g. Thematic analysis')}
ethics: ${todo('ethics approval and consent; say "Not reported" rather than guess')}
licence:
  name: ${todo('licence of the published data and text, e.g. CC BY 4.0')}
  url: https://example.org/TODO-licence  # TODO: the licence's URL
provenance:
  kind: study
  notice: ${todo('say where these data come from and what participants consented to')}
privacy:
  k: 3
  # participants.csv columns that may be shown next to a pseudonym${project.participants.some((p) => Object.keys(p.attributes).length) ? ` (available: ${[...new Set(project.participants.flatMap((p) => Object.keys(p.attributes)))].join(', ')})` : ''}.
  shownAttributes: []
`;
}
