/**
 * The whole build, in one command: content -> astro build -> pagefind -> privacy scan -> publish.
 * Each build writes into folders of its own (build-folders.ts); the output folder is replaced only
 * when every stage succeeded, so a bad study folder, a failed build or a leak leaves the previous
 * site untouched, and two builds of two studies into two folders run side by side.
 *
 *   node scripts/build.ts [--study <folder>] [--out <dir>] [--local] [--keep-refused]
 *                         [--only content|astro|pagefind|scan|publish]
 *
 * --only runs a single stage (the benchmark times each in its own process). The site's address
 * comes from SITE_URL; without it the site names no address anywhere. A study whose data are its
 * own (`provenance.kind: study`) is refused without SITE_URL, unless --local asks for a copy
 * without addresses (SITE_URL is then ignored). With --keep-refused, a site the build refused is
 * moved to `<out>.refused/` for reading.
 *
 * This file is the order of the stages; each stage lives in scripts/lib: build-stages.ts (the
 * content stage and Astro, as child processes), search-index.ts (Pagefind), scan.ts (the privacy
 * scan), publish-site.ts (the swap), build-lock.ts and build-folders.ts (what a build owns).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { studyDirFrom } from './build-content.ts';
import { acquireBuildLock, lockedMessage, removeFolder } from './lib/build-lock.ts';
import { buildFolders, type BuildFolders, newRunId, RUNS_DIR } from './lib/build-folders.ts';
import { type OnGroup, runAstroBuild, runContentStage } from './lib/build-stages.ts';
import { endChildGroups } from './lib/child-group.ts';
import { parseCommandLine, UsageError } from './lib/cli.ts';
import type { Leak } from './lib/find-leaks.ts';
import { loadScanInputs } from './lib/load-study.ts';
import { keepRefusedSite, publishSite } from './lib/publish-site.ts';
import { followPages, indexScan, reportLeaks, type Scan, scanRules, scanWorkers } from './lib/scan.ts';
import type { ScanRules } from './lib/scan-texts.ts';
import { readSearchRecords, type SearchIndex, shardBytes, startSearchIndex } from './lib/search-index.ts';
import { readStudyFolder } from './lib/study-files.ts';

process.env.ASTRO_TELEMETRY_DISABLED = '1';

/** The stages, in order; --only names one. */
export const STAGES = ['content', 'astro', 'pagefind', 'scan', 'publish'] as const;
type Stage = (typeof STAGES)[number];

/** The build's command line. */
export const BUILD_COMMAND_LINE = {
  command: 'npm run build',
  options: {
    study: { type: 'string', value: '<folder>' },
    out: { type: 'string', value: '<dir>' },
    local: { type: 'boolean' },
    only: { type: 'string', choices: STAGES },
    'keep-refused': { type: 'boolean' },
  },
} as const;

/** What the command line asks for, resolved. */
export interface BuildOptions {
  studyDir: string;
  out: string;
  local: boolean;
  only?: Stage;
  keepRefused: boolean;
}

/** Parses the build's command line; throws a UsageError naming every bad option. */
export function parseBuildArgs(argv: string[]): BuildOptions {
  const { values: v } = parseCommandLine(BUILD_COMMAND_LINE, argv);
  return {
    studyDir: studyDirFrom(v.study),
    out: resolve(v.out ?? 'dist'),
    local: Boolean(v.local),
    only: v.only as Stage | undefined,
    keepRefused: Boolean(v['keep-refused']),
  };
}

/** Times one stage and prints its duration (`npm run bench` measures memory, stage by stage). */
async function stage<T>(name: string, work: () => T | Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await work();
  console.log(`[build] ${name}: ${((performance.now() - start) / 1000).toFixed(1)} s`);
  return result;
}

/**
 * The site's address: SITE_URL, or none with --local. Undefined also when a study with its own
 * data (`provenance.kind: study`) cannot be built, which `problem` then explains.
 */
export function siteAddress(
  o: Pick<BuildOptions, 'local' | 'studyDir'>,
  env = process.env,
): { siteUrl?: string; problem?: string; note?: string } {
  if (o.local)
    return {
      note: '[build] --local: the site names no address (no canonical links, sitemap, or address in citations and downloads); not for publishing',
    };
  if (env.SITE_URL) return { siteUrl: env.SITE_URL };
  const kind = loadScanInputs(readStudyFolder(o.studyDir)).study?.provenance.kind;
  if (kind === 'study') {
    return {
      problem:
        'Cannot build the site: SITE_URL is not set, and study.yaml says provenance.kind: study, so citations, downloads and links must carry the address readers will use. Set SITE_URL to the address the site will be published at (SITE_URL=https://example.org/study/ npm run build), or add --local for a copy that names no address.',
    };
  }
  return {
    note: '[build] SITE_URL is not set: the site names no address (no canonical links, sitemap, or address in citations and downloads); set SITE_URL=https://… to publish',
  };
}

/** What a signal handler must undo for the build in progress in this process. */
let inProgress: { cleanup(): void } | undefined;

/**
 * content -> astro -> pagefind -> scan -> publish; returns false when the command line or the study
 * folder has problems, a leak is found or another build holds the output folder.
 *
 * One build at a time per output folder (see build-lock.ts). A whole build writes in folders of
 * its own (build-folders.ts), so it never publishes what another run wrote, and removes them on
 * every way out that runs code (success, refusal, error, a signal); after `kill -9` the next
 * build removes them. With --only, the stages share their folders across runs, left in place.
 * Builds side by side run in processes of their own: Pagefind's indexing service is one per process.
 */
export async function run(argv = process.argv.slice(2)): Promise<boolean> {
  let options: BuildOptions;
  try {
    options = parseBuildArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(e.message);
    return false;
  }
  const taken = acquireBuildLock(options.out, RUNS_DIR);
  if ('heldBy' in taken) {
    console.error(lockedMessage(taken.path, taken.heldBy));
    return false;
  }
  const { lock, notes } = taken;
  for (const note of notes) console.log(`[build] ${note}`);
  const folders = buildFolders(options.out, options.only ? undefined : newRunId());
  const own = folders.ownRun ? [folders.staging, folders.search, folders.root] : [folders.search];
  lock.record({ folders: own });
  // This build's children (the content stage, Astro), recorded in the lock and ended with the build.
  const children: number[] = [];
  const onGroup = (group: number) => {
    children.push(group);
    lock.record({ groups: [group] });
  };
  const cleanup = () => {
    endChildGroups(children);
    for (const folder of own) {
      const failed = removeFolder(folder, 'the staging folder');
      if (failed) console.error(`[build] ${failed}`);
    }
    lock.release();
  };
  inProgress = { cleanup };
  let ok = false;
  try {
    ok = await runStages(options, folders, onGroup);
    return ok;
  } finally {
    inProgress = undefined;
    const refused =
      !ok && !options.only && options.keepRefused ? keepRefusedSite(folders.staging, folders.out) : undefined;
    if (refused)
      console.error(`[build] the refused site is in ${refused}; it holds what the build refused: delete it once read`);
    cleanup();
  }
}

/** The stages of one build, holding the lock. */
async function runStages(o: BuildOptions, f: BuildFolders, onGroup: OnGroup): Promise<boolean> {
  const wanted = (name: Stage) => !o.only || o.only === name;
  const address = wanted('astro') || wanted('scan') ? siteAddress(o) : {};
  if (address.problem) {
    console.error(address.problem);
    return false;
  }
  if (address.note && wanted('astro')) console.log(address.note);
  mkdirSync(f.root, { recursive: true });
  if (wanted('content') && !(await stage('content', () => runContentStage(o.studyDir, f, onGroup)))) return false;
  // The study folder's redactions and allowed links, for the privacy scan (the content stage has
  // validated the folder; only study.yaml and redactions.yaml are read again).
  const rules = wanted('scan') ? scanRules(o.studyDir, f.generated, address.siteUrl) : undefined;
  const publicText = () => readFileSync(`${f.generated}/excerpts.json`, 'utf8');
  // Astro builds the pages in a child process, and the pages are scanned as it writes them.
  // Meanwhile Pagefind, in a process of its own at a lower priority, indexes the anonymized
  // excerpts; it writes the index only once Astro has exited, because at 20,000 excerpts the two
  // at their peaks (1.2 GB and 0.75 GB) would pass 2 GB together. A study with more text than one
  // shard of the index holds (search-index.ts) is indexed only after Astro, shard by shard.
  if (wanted('astro')) rmSync(f.staging, { recursive: true, force: true });
  const astro = wanted('astro') ? stage('astro build', () => runAstroBuild(f, address.siteUrl, onGroup)) : undefined;
  const follower = astro && rules ? followPages(f.staging, rules) : undefined;
  const indexing = (async () =>
    wanted('pagefind')
      ? startSearchIndex(() => readSearchRecords(f.generated), {
          lowPriority: astro !== undefined,
          shardBytes: shardBytes(),
        })
      : undefined)();
  const [built, started] = await Promise.allSettled([astro, indexing]);
  if (built.status === 'rejected' || started.status === 'rejected') {
    // So that neither Pagefind's process nor the scan lingers.
    await Promise.all([started.status === 'fulfilled' ? started.value?.abandon() : undefined, follower?.stop()]);
    throw built.status === 'rejected' ? built.reason : (started as PromiseRejectedResult).reason;
  }
  const leaks = await scanAndIndex(f, started.value, rules, publicText, follower);
  if (rules && !reportLeaks(leaks)) return false;
  if (wanted('publish')) {
    publishSite(f.staging, f.out);
    console.log(`[build] site written to ${f.out}`);
    if (existsSync(f.reports)) console.log(`[build] private report (read it; never publish it): ${f.reports}/`);
  }
  return true;
}

/**
 * Once Astro has exited: Pagefind writes its index, which two workers scan while this thread asks
 * Pagefind's search for every redaction word; meanwhile the page scan makes its final pass. With
 * no search index in this run (--only scan), the index is scanned as it is; with no follower, two
 * workers share the pages. Returns every leak found (none without rules).
 */
async function scanAndIndex(
  f: BuildFolders,
  search: SearchIndex | undefined,
  rules: ScanRules | undefined,
  publicText: () => string,
  follower: Scan | undefined,
): Promise<Leak[]> {
  // Every scan started here, stopped however this ends (a stopped scan that finished is no matter).
  const scans: Scan[] = follower ? [follower] : [];
  const started = (scan: Scan) => {
    scans.push(scan);
    return scan;
  };
  const work: Promise<Leak[]>[] = [];
  if (search) {
    // The scan's workers start while Pagefind writes.
    work.push(writeSearchIndex(search, f, rules && started(indexScan(f.staging, rules, publicText()))));
  } else if (rules) {
    work.push(
      stage('privacy scan of the search index', () => started(indexScan(f.staging, rules, publicText())).scan()),
    );
  }
  if (rules) {
    const pages = follower ?? started(scanWorkers(f.staging, 'pages', rules, 2));
    work.push(stage('privacy scan of the pages', () => pages.scan()));
  }
  try {
    return (await Promise.all(work)).flat();
  } finally {
    await Promise.all(scans.map((s) => s.stop()));
  }
}

/**
 * Writes the search index beside the staging folder, so that the listing of the pages never meets
 * it half-written, then moves it in and scans it with `scan` when given.
 */
async function writeSearchIndex(search: SearchIndex, f: BuildFolders, scan: Scan | undefined): Promise<Leak[]> {
  rmSync(f.search, { recursive: true, force: true });
  console.log(`[build] ${await stage('pagefind', () => search.write(f.search))} excerpts indexed for search`);
  rmSync(`${f.staging}/pagefind`, { recursive: true, force: true });
  renameSync(`${f.search}/pagefind`, `${f.staging}/pagefind`);
  rmSync(f.search, { recursive: true, force: true });
  return scan ? stage('privacy scan of the search index', () => scan.scan()) : [];
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  // Interrupted (Ctrl-C, a terminal closed, a CI timeout): end the children, remove the staging
  // folders and the lock, then exit as the signal would have.
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const) {
    process.once(signal, () => {
      console.error(`[build] ${signal}: stopping the build`);
      inProgress?.cleanup();
      process.exit(code);
    });
  }
  run().then(
    (ok) => {
      process.exitCode = ok ? 0 : 1;
    },
    (e) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
