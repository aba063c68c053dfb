/**
 * The content pipeline: read -> validate -> anonymize -> derive -> render -> write.
 * Reads a study folder (default content/study, or STUDY_DIR / --study) and rewrites
 * content/generated/ with the MDX and JSON the Astro site renders. On any problem it prints
 * them all, exits non-zero and writes nothing.
 *
 *   node scripts/build-content.ts [--study <folder>] [--generated <folder>] [--reports <folder>]
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkGenerated, type Site } from '../src/contract/index.ts';
import { attributeLabel } from './lib/anonymize.ts';
import { EMPTY_BRIEF, parseBrief } from './lib/brief.ts';
import { deriveCounts } from './lib/derive.ts';
import { loadStudy } from './lib/load-study.ts';
import { validateStudy } from './lib/validate.ts';
import { StudyError, formatProblem } from './lib/problems.ts';
import { type CommandLine, type Option, parseCommandLine, UsageError } from './lib/cli.ts';
import { enforceKAnonymity, publishExcerpts, publishParticipants } from './lib/publish.ts';
import { GENERATED_HEADER, narrativeQuotes, renderThemeMdx } from './lib/render-theme-mdx.ts';
import { readStudyFolder, replaceFolder, type StudyFiles } from './lib/study-files.ts';
import type { Codebook, Study } from './lib/schema.ts';
import { colourThemes } from './lib/theme-colours.ts';
import { createAnonymizer } from './lib/anonymize.ts';
import { parseYaml } from './lib/parse-yaml.ts';
import {
  WithdrawnSchema,
  checkReleases,
  excerptChanges,
  manifestOf,
  parseReleases,
  releaseHistory,
  releaseState,
  tombstones,
  type Manifest,
  type Published,
  type Withdrawn,
} from './lib/releases.ts';

/** Where generated content goes; git-ignored. */
export const GENERATED_DIR = 'content/generated';
/** Where private reports go; git-ignored, never part of the site. */
export const REPORTS_DIR = 'reports';

/** What the content stage produced, and what `npm run release` needs of it. */
export interface ContentResult {
  generated: Record<string, string>;
  report: string;
  /** What the site publishes, as a release manifest records it. */
  published: Published;
  /** The committed release manifests, oldest first. */
  manifests: { file: string; manifest: Manifest }[];
  withdrawn: Withdrawn;
  /** The anonymizer of the current redactions and detectors. */
  redact: (text: string) => string;
  /** What a person should know but that does not stop the build (theme colours short of contrast). */
  warnings: string[];
}

/**
 * Builds every generated file from the study folder's texts. Pure: throws StudyError on bad input.
 * `releaseChecks: false` skips the checks of committed release manifests (for `npm run release`,
 * which scrubs them).
 */
export function buildContent(files: StudyFiles, { releaseChecks = true } = {}): ContentResult {
  const { loaded, problems } = loadStudy(files);
  problems.push(...validateStudy(loaded));
  const brief =
    files.brief === undefined || !loaded.codebook
      ? { brief: EMPTY_BRIEF, problems: [] }
      : parseBrief(
          files.brief,
          `${files.dir}/brief.yaml`,
          loaded.codebook.themes.map((t) => t.id),
        );
  problems.push(...brief.problems);
  const rel = parseReleases(files.dir, files.releases, files.withdrawn, (text, file) =>
    parseYaml(text, file, WithdrawnSchema),
  );
  problems.push(...rel.problems);
  if (problems.length || !loaded.study || !loaded.codebook) throw new StudyError(problems);
  // Every theme gets a colour: the codebook's as set, or a generated one.
  const coloured = colourThemes((loaded.codebook as Codebook).themes, `${files.dir}/codebook.yaml`);
  const s = { ...loaded, study: loaded.study as Study, codebook: { themes: coloured.themes } };

  const k = enforceKAnonymity(publishParticipants(s), s.study, `${s.dir}/study.yaml`);
  if (k.problems.length) throw new StudyError(k.problems);
  const participants = k.participants;
  const { excerpts, quotes, report } = publishExcerpts(s, participants);
  const derived = deriveCounts(s.codebook, excerpts, participants);

  const anonymizer = createAnonymizer(s.redactions);
  const redact = (text: string) => anonymizer(text).text;
  const currentIds = new Set(excerpts.map((e) => e.id));
  if (releaseChecks) {
    const releaseProblems = checkReleases(rel.manifests, currentIds, rel.withdrawn, `${s.dir}/withdrawn.yaml`, redact);
    if (releaseProblems.length) throw new StudyError(releaseProblems);
  }
  const published: Published = {
    title: s.study.title,
    participants: participants.length,
    excerpts,
    themes: s.codebook.themes.map((t) => ({ ...t, count: derived.counts[t.id] })),
  };
  const manifests = rel.manifests.map((m) => m.manifest);
  const history = releaseHistory(manifests, rel.withdrawn).reverse();
  const changed = excerptChanges(manifests);
  for (const e of excerpts) {
    const c = changed.get(e.id);
    if (c) e.changed = c;
  }

  const total = participants.length;
  const { privacy, ...meta } = s.study;
  const site: Site = {
    study: { ...meta, privacy: { k: privacy.k, shownAttributes: privacy.shownAttributes } },
    attributeLabels: Object.fromEntries(privacy.shownAttributes.map((a) => [a, attributeLabel(a)])),
    totals: {
      participants: total,
      excerpts: excerpts.length,
      themes: s.codebook.themes.length,
      codes: s.codebook.themes.reduce((n, t) => n + t.subthemes.reduce((m, u) => m + u.codes.length, 0), 0),
      originals: excerpts.filter((e) => e.originalText).length,
    },
    themes: s.codebook.themes.map((t) => ({
      ...t,
      count: derived.counts[t.id],
      related: derived.related[t.id],
      quotes: quotes[t.id] ?? [],
      narrativeQuotes: narrativeQuotes(s.narratives[t.id]),
      subthemes: t.subthemes.map((u) => ({
        ...u,
        count: derived.counts[u.id],
        codes: u.codes.map((c) => ({ ...c, count: derived.counts[c.id] })),
      })),
    })),
    codePairs: derived.codePairs,
    themePairs: derived.themePairs,
    matrix: derived.matrix,
    brief: brief.brief ?? EMPTY_BRIEF,
    release: releaseState(manifests, manifestOf(published, '0', '1970-01-01')),
    releases: history.map(({ version, date, doi, previous, headline }) => ({
      version,
      date,
      doi: doi ?? null,
      previous: previous ?? null,
      headline,
    })),
    participantSummary: privacy.shownAttributes.map((a) => ({
      attribute: a,
      label: attributeLabel(a),
      values: countValues(participants.map((p) => p.attributes[a])),
    })),
  };
  const generated: Record<string, string> = {
    'README.md': `${GENERATED_HEADER.slice(3, -3).trim()}\n`,
    'site.json': `${JSON.stringify(site, null, 1)}\n`,
    'excerpts.json': `${JSON.stringify(excerpts, null, 1)}\n`,
    'releases.json': `${JSON.stringify(history, null, 1)}\n`,
    'tombstones.json': `${JSON.stringify(tombstones(manifests, currentIds, rel.withdrawn), null, 1)}\n`,
  };
  for (const t of s.codebook.themes) generated[`themes/${t.id}.mdx`] = renderThemeMdx(s.narratives[t.id]);
  assertContract(generated);
  const privateReport = {
    study: s.dir,
    note: 'Private. Read every entry, and every excerpt, before publishing: redaction lists, detectors and k cannot catch every identifying clue.',
    coarsened: k.notes,
    excerpts: report,
  };
  return {
    generated,
    report: `${JSON.stringify(privateReport, null, 1)}\n`,
    published,
    manifests: rel.manifests,
    withdrawn: rel.withdrawn,
    redact,
    warnings: coloured.warnings,
  };
}

/**
 * Checks the generated files against the contract (src/contract/) before anything is written. A
 * violation is a bug in the pipeline, not in the study folder: it throws, naming every file and field.
 */
export function assertContract(generated: Record<string, string>): void {
  const violations = checkGenerated(generated);
  if (!violations.length) return;
  const lines = violations.map((v) => `  generated ${v.file}${v.path ? ` field ${v.path}` : ''}: ${v.message}`);
  throw new Error(
    `The content stage generated data the site cannot read (a bug in scripts/, not in the study folder):\n${lines.join('\n')}`,
  );
}

/** The review flags of a report as warnings, `file:line (where): flag`; at most `limit`, then how many more. */
export function reviewWarnings(report: string, limit = 50, reportsDir = REPORTS_DIR): string[] {
  const entries = (JSON.parse(report) as { excerpts: { where: string; at?: string; flags: string[] }[] }).excerpts;
  const lines = entries.flatMap((e) =>
    e.flags.map((f) => `warning: ${e.at ?? e.where}${e.at ? ` (${e.where})` : ''}: ${f}`),
  );
  if (!lines.length) return [];
  const head = `${lines.length} review flag${lines.length === 1 ? '' : 's'}: text shown with a pseudonym that may narrow down who spoke (not an error; read them in ${reportsDir}/anonymization-report.json before publishing)`;
  return [
    head,
    ...lines.slice(0, limit),
    ...(lines.length > limit ? [`... and ${lines.length - limit} more in the report`] : []),
  ];
}

/** Number of participants per value, most common first, then alphabetical. */
function countValues(values: string[]): { value: string; participants: number }[] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts]
    .map(([value, participants]) => ({ value, participants }))
    .sort((a, b) => b.participants - a.participants || a.value.localeCompare(b.value));
}

/** The study folder named by --study, STUDY_DIR, or the bundled one. */
export function studyDirFrom(study: string | undefined): string {
  return resolve(study ?? (process.env.STUDY_DIR || 'content/study'));
}

/** The content stage's command line. */
export const CONTENT_COMMAND_LINE = {
  command: 'npm run content',
  options: {
    study: { type: 'string', value: '<folder>' },
    /** A folder of one build's own (scripts/build.ts gives each build one); default content/generated. */
    generated: { type: 'string', value: '<folder>' },
    /** Where the private anonymization report goes; default reports/. */
    reports: { type: 'string', value: '<folder>' },
  },
} as const satisfies CommandLine<Record<string, Option>>;

/** read -> build -> write, printing every problem and exiting non-zero on bad input. */
export function run(argv = process.argv.slice(2)): boolean {
  let values;
  try {
    ({ values } = parseCommandLine(CONTENT_COMMAND_LINE, argv));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(e.message);
    return false;
  }
  const files = readStudyFolder(studyDirFrom(values.study));
  const out = values.generated ?? GENERATED_DIR;
  const reports = values.reports ?? REPORTS_DIR;
  try {
    const { generated, report, warnings } = buildContent(files);
    for (const w of warnings) console.warn(`warning: ${w}`);
    replaceFolder(out, generated);
    replaceFolder(reports, { 'anonymization-report.json': report });
    console.log(
      `content: ${files.dir} -> ${out} (${Object.keys(generated).length} files); private report in ${reports}/`,
    );
    for (const line of reviewWarnings(report, 50, reports)) console.warn(line);
    return true;
  } catch (e) {
    if (!(e instanceof StudyError)) throw e;
    console.error(
      `Cannot build the site: ${e.problems.length} problem${e.problems.length === 1 ? '' : 's'} in ${files.dir}`,
    );
    for (const p of e.problems) console.error(`  ${formatProblem(p)}`);
    return false;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = run() ? 0 : 1;
