/**
 * `npm run dev`: the content stage, then Astro's dev server, then a watch on the study folder.
 * Every save in the folder re-runs the content stage (in this process: about half a second for
 * the bundled study) and rewrites only the generated files that changed, which Astro's dev server
 * picks up. A mistake prints the usual file:line problems and leaves the last good content in
 * place, so the server keeps showing it; the next good save recovers, without a restart.
 *
 *   node scripts/dev.ts [--study <folder>] [-- <astro dev options, e.g. --port 4322>]
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, watch, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildContent, GENERATED_DIR, REPORTS_DIR, studyDirFrom } from './build-content.ts';
import { parseCommandLine, UsageError } from './lib/cli.ts';
import { StudyError, formatProblem } from './lib/problems.ts';
import { readStudyFolder } from './lib/study-files.ts';

/** What one run of the content stage gave: written (the files that changed, and warnings) or problems. */
export type Outcome = { ok: true; changed: string[]; warnings: string[] } | { ok: false; problems: string[] };

/**
 * Writes `files` into `dir`, touching only files whose content differs and removing files no
 * longer generated: Astro's dev server then reloads only what changed.
 */
export function updateFolder(dir: string, files: Record<string, string>): string[] {
  const changed: string[] = [];
  for (const [path, content] of Object.entries(files)) {
    const target = join(dir, path);
    if (existsSync(target) && readFileSync(target, 'utf8') === content) continue;
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
    changed.push(path);
  }
  const walk = (sub: string): string[] =>
    readdirSync(join(dir, sub), { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(sub, e.name)) : [join(sub, e.name)],
    );
  for (const path of existsSync(dir) ? walk('') : []) {
    if (!(path in files)) {
      rmSync(join(dir, path));
      changed.push(path);
    }
  }
  return changed.sort();
}

/** Runs the content stage once for `studyDir` into `generatedDir`; on problems, writes nothing. */
export function refreshContent(studyDir: string, generatedDir = GENERATED_DIR, reportsDir = REPORTS_DIR): Outcome {
  const files = readStudyFolder(studyDir);
  try {
    const { generated, report, warnings } = buildContent(files);
    const changed = updateFolder(generatedDir, generated);
    updateFolder(reportsDir, { 'anonymization-report.json': report });
    return { ok: true, changed, warnings };
  } catch (e) {
    if (!(e instanceof StudyError)) throw e;
    return { ok: false, problems: e.problems.map(formatProblem) };
  }
}

/** Options of watchStudy; the folders default to the ones the build uses. */
export interface WatchOptions {
  studyDir: string;
  generatedDir?: string;
  reportsDir?: string;
  /** How long the folder must be quiet before the content stage runs (editors save in bursts). */
  quietMs?: number;
  /** Called after every run of the content stage. */
  onOutcome?: (outcome: Outcome) => void;
}

/**
 * Watches a study folder and re-runs the content stage after each burst of saves. Returns a
 * function that stops watching.
 */
export function watchStudy({
  studyDir,
  generatedDir,
  reportsDir,
  quietMs = 60,
  onOutcome = () => {},
}: WatchOptions): () => void {
  let timer: NodeJS.Timeout | undefined;
  const run = () => {
    timer = undefined;
    let outcome: Outcome;
    try {
      outcome = refreshContent(studyDir, generatedDir, reportsDir);
    } catch (e) {
      // A file read half-way through a save, or removed: the next save runs again.
      outcome = { ok: false, problems: [String(e instanceof Error ? e.message : e)] };
    }
    onOutcome(outcome);
  };
  const watcher = watch(studyDir, { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(run, quietMs);
  });
  return () => {
    clearTimeout(timer);
    watcher.close();
  };
}

/** Prints what a run of the content stage did, as the build prints it. */
function report(studyDir: string, outcome: Outcome): void {
  const at = new Date().toLocaleTimeString('en-GB');
  if (outcome.ok) {
    console.log(
      `${at} [study] ${outcome.changed.length ? `updated ${outcome.changed.join(', ')}` : 'no change in the generated content'}`,
    );
    for (const w of outcome.warnings) console.warn(`  warning: ${w}`);
    return;
  }
  console.error(
    `${at} [study] ${outcome.problems.length} problem${outcome.problems.length === 1 ? '' : 's'} in ${relative('.', studyDir) || '.'}; the site keeps the last good content until they are fixed:`,
  );
  for (const p of outcome.problems) console.error(`  ${p}`);
}

/** This tool's own options; Astro's come after `--`. */
const DEV_COMMAND_LINE = { command: 'npm run dev', options: { study: { type: 'string', value: '<folder>' } } } as const;

/** Content stage, Astro's dev server, and the watch; resolves when the server exits. */
export async function run(argv = process.argv.slice(2)): Promise<number> {
  const split = argv.indexOf('--');
  const own = split >= 0 ? argv.slice(0, split) : argv;
  const astroArgs = split >= 0 ? argv.slice(split + 1) : [];
  let study: string | undefined;
  try {
    ({
      values: { study },
    } = parseCommandLine(DEV_COMMAND_LINE, own));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(
      `${e.message}\n(options for Astro's dev server go after a second --: npm run dev -- --study <folder> -- --port 4322)`,
    );
    return 2;
  }
  const studyDir = studyDirFrom(study);
  const first = refreshContent(studyDir);
  report(studyDir, first);
  if (!first.ok && !existsSync(join(GENERATED_DIR, 'site.json'))) return 1;
  const stop = watchStudy({ studyDir, onOutcome: (outcome) => report(studyDir, outcome) });
  console.log(`[study] watching ${relative('.', studyDir) || '.'}: a save re-runs the content stage`);
  const astro = fileURLToPath(new URL('../node_modules/astro/bin/astro.mjs', import.meta.url));
  const child = spawn(process.execPath, [astro, 'dev', ...astroArgs], { stdio: 'inherit' });
  const stopAll = () => child.kill('SIGINT');
  process.once('SIGINT', stopAll);
  process.once('SIGTERM', stopAll);
  const code = await new Promise<number>((done) => child.on('exit', (c) => done(c ?? 0)));
  stop();
  return code;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  run().then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
