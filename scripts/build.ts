/**
 * The whole build, in one command: content -> astro build -> pagefind -> privacy scan -> publish.
 * Astro and Pagefind write into a staging folder; dist/ is replaced only when every stage
 * succeeded, so a bad study folder, a failed build or a leak leaves the previous site untouched.
 *
 *   node scripts/build.ts [--study <folder>] [--out <dir>] [--local] [--only content|astro|pagefind|scan|publish]
 *
 * --only runs a single stage (the benchmark times each in its own process). The site's address
 * comes from SITE_URL; without it the site names no address anywhere. A study whose data are its
 * own (`provenance.kind: study`) is refused without SITE_URL, unless --local asks for a copy
 * without addresses (SITE_URL is then ignored).
 */
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { randomBytes } from 'node:crypto';
import { acquireBuildLock, lockedMessage, removeFolder, type BuildLock } from './lib/build-lock.ts';
import { endChildGroups, spawnGroup } from './lib/child-group.ts';
import { GENERATED_DIR, studyDirFromArgs } from './build-content.ts';
import { loadScanInputs } from './lib/load-study.ts';
import { type SearchRecord, searchRecords } from './lib/search-records.ts';
import { readStudyFolder } from './lib/study-files.ts';
import type { Leak } from './lib/find-leaks.ts';
import { publicWords, type ScanRules, type Share, searchIndexForRedactions } from './scan-site.ts';
import { listFiles } from './lib/list-files.ts';
import { generatedIds } from './lib/study-text.ts';
import { Worker } from 'node:worker_threads';
import { getPriority, setPriority } from 'node:os';

process.env.ASTRO_TELEMETRY_DISABLED = '1';


/**
 * Runs the content stage (scripts/build-content.ts) in a child process, so that the memory it
 * needs (0.7 GB at 20,000 excerpts) is given back before Astro starts. What it prints is passed on
 * through this process's console; false when the study folder has problems.
 */
async function buildContent(argv: string[], onGroup?: (group: number) => void): Promise<boolean> {
  const script = fileURLToPath(new URL('./build-content.ts', import.meta.url));
  // A larger young generation: the stage allocates many short-lived strings (measured ~10% faster).
  const child = spawnGroup(process.execPath, ['--max-semi-space-size=32', script, ...argv], { stdio: 'pipe', onGroup });
  const output = { stdout: '', stderr: '' };
  child.stdout!.on('data', (chunk) => { output.stdout += chunk; });
  child.stderr!.on('data', (chunk) => { output.stderr += chunk; });
  const code = await new Promise<number | null>((done, fail) => child.on('error', fail).on('close', done));
  for (const line of output.stdout.split('\n').filter(Boolean)) console.log(line);
  for (const line of output.stderr.split('\n').filter(Boolean)) console.error(line);
  return code === 0;
}

/**
 * Runs Astro's static build into `outDir`, in a child process: at 20,000 pages Astro holds over a
 * gigabyte, which the later stages should not have to share.
 */
async function buildSite(outDir: string, siteUrl: string | undefined, onGroup?: (group: number) => void): Promise<void> {
  // Vitest sets these for its own Vite; an Astro build started from a test must not inherit them.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV'].includes(k)));
  const astro = fileURLToPath(new URL('../node_modules/astro/bin/astro.mjs', import.meta.url));
  const args = [astro, 'build', ...(process.env.CI ? ['--silent'] : [])];
  await new Promise<void>((done, fail) => {
    spawnGroup(process.execPath, args, { stdio: 'inherit', env: { ...env, SITE_URL: siteUrl ?? '', ASTRO_OUT_DIR: outDir, ASTRO_TELEMETRY_DISABLED: '1' }, onGroup })
      .on('error', fail)
      .on('exit', (code) => (code === 0 ? done() : fail(new Error(`astro build exited with code ${code}`))));
  });
}

/**
 * The nice value Pagefind runs at when it starts beside Astro: on two cores the two compete, and
 * Astro's build is the longer; Pagefind adds its records in the time Astro leaves.
 */
const LOW_PRIORITY = 10;

/**
 * Starts indexing the search records (anonymized excerpts, from content/generated);
 * `write(outDir)` waits for the index and writes it into outDir/pagefind.
 */
export async function startSearchIndex(records: SearchRecord[], { lowPriority = false } = {}): Promise<{ write(outDir: string): Promise<number>; abandon(): Promise<unknown> }> {
  const pagefind = await import('pagefind');
  // Pagefind's process inherits the priority of this thread when it starts.
  const priority = getPriority();
  if (lowPriority) setPriority(LOW_PRIORITY);
  const created = await pagefind.createIndex({});
  // Only root may raise it again; otherwise this thread and the scan workers it starts later stay
  // at the lower priority, which costs nothing once Astro has finished.
  if (lowPriority) try { setPriority(priority); } catch { /* see above */ }
  const { index, errors } = created;
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  const count = records.length;
  // The records are the loop's own argument, not held by write() and abandon(): at 20,000
  // excerpts they are over 100 MB that can go once Pagefind has them.
  const added = (async (batch: SearchRecord[]) => {
    // In batches: 20,000 records in flight at once only fill memory.
    for (let i = 0; i < batch.length; i += 500) {
      const results = await Promise.all(batch.slice(i, i + 500).map((r) => index.addCustomRecord(r)));
      const failed = results.flatMap((r) => r.errors);
      if (failed.length) throw new Error(`pagefind: ${failed.slice(0, 5).join('; ')}`);
    }
  })(records);
  added.catch(() => {}); // reported by write()
  return {
    async write(outDir) {
      try {
        await added;
        const written = await index.writeFiles({ outputPath: `${outDir}/pagefind` });
        if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
        return count;
      } finally {
        await pagefind.close();
      }
    },
    abandon: () => pagefind.close(),
  };
}

/** The search records of the generated excerpts. */
function readSearchRecords(): SearchRecord[] {
  return searchRecords(JSON.parse(readFileSync(`${GENERATED_DIR}/excerpts.json`, 'utf8')));
}

/** Namespace URIs that sitemaps, SVG and JSON-LD (`@context`) carry; they are identifiers, not links to anyone. */
const XML_NAMESPACES = ['http://www.sitemaps.org/schemas/', 'http://www.w3.org/', 'http://www.google.com/schemas/sitemap-', 'https://schema.org'];

/** The study's redactions and the links the site may publish: what the privacy scan looks for and allows. */
export function scanRules(argv: string[], siteUrl: string | undefined): ScanRules {
  const files = readStudyFolder(studyDirFromArgs(argv));
  const loaded = loadScanInputs(files);
  const allowedUrls = [...(files.study ?? '').matchAll(/https?:\/\/[^\s"']+/g)].map((m) => m[0]).concat(XML_NAMESPACES);
  if (loaded.study) allowedUrls.push(`https://doi.org/${loaded.study.doi}`);
  // The site's own address, when it has one (astro.config.mjs reads the same variable).
  if (siteUrl) allowedUrls.push(new URL(siteUrl).origin);
  const generated = (name: string) => JSON.parse(readFileSync(`${GENERATED_DIR}/${name}`, 'utf8'));
  return { redactions: loaded.redactions, allowedUrls, generatedIds: generatedIds(generated('site.json'), generated('excerpts.json')) };
}

/** Starts a scan worker (scripts/scan-worker.ts); `result` is the one message it posts back. */
function scanWorker<T>(workerData: object): { worker: Worker; result: Promise<T> } {
  const worker = new Worker(new URL('./scan-worker.ts', import.meta.url), { workerData });
  const result = new Promise<T>((done, fail) => {
    worker.once('message', done);
    worker.once('error', fail);
  });
  result.catch(() => {}); // awaited by whoever asked for the result
  return { worker, result };
}

/**
 * Starts `of` worker threads that scan one part of the built site: `scan()` lists the part's
 * files and gives each worker its share. Started early, they are ready when the files are.
 */
function scanWorkers(siteDir: string, part: 'pages' | 'index', rules: ScanRules, of: number): { scan(): Promise<Leak[]>; stop(): Promise<unknown> } {
  const workers = Array.from({ length: of }, () => scanWorker<Leak[]>({ siteDir, part, rules }));
  return {
    async scan() {
      const files = part === 'index'
        ? listFiles(`${siteDir}/pagefind`).map((f) => `pagefind/${f}`)
        : listFiles(siteDir).filter((f) => !f.startsWith('pagefind/'));
      workers.forEach(({ worker }, index) => worker.postMessage({ index, of, files } satisfies Share));
      return (await Promise.all(workers.map((w) => w.result))).flat();
    },
    stop: () => Promise.all(workers.map(({ worker }) => worker.terminate())),
  };
}

/**
 * Scans the pages on a worker while Astro writes them, on the time Astro leaves idle (see
 * FollowingScan); `finish()`, once Astro has exited, scans what is left and returns the leaks.
 */
function followPages(siteDir: string, rules: ScanRules): { finish(): Promise<Leak[]>; stop(): Promise<unknown> } {
  const { worker, result } = scanWorker<{ leaks: Leak[]; files: number; read: number }>({ siteDir, rules, follow: true });
  return {
    async finish() {
      worker.postMessage('finish');
      const { leaks, files, read } = await result;
      console.log(`[build] ${files - read} of ${files} pages and downloads scanned while Astro built, ${read} after`);
      return leaks;
    },
    stop: () => worker.terminate(),
  };
}

/**
 * Readies the scan of the search index: two workers that will scan its decompressed files while
 * this thread asks Pagefind's search for every redaction word; `scan()` once the index is there.
 */
function indexScan(siteDir: string, rules: ScanRules, publicText: string): { scan(): Promise<Leak[]>; stop(): Promise<unknown> } {
  const workers = scanWorkers(siteDir, 'index', rules, 2);
  const published = publicWords(publicText);
  return {
    async scan() {
      const files = workers.scan();
      files.catch(() => {}); // awaited below
      const searched = await searchIndexForRedactions(siteDir, rules, published);
      return [...(await files), ...searched];
    },
    stop: workers.stop,
  };
}

/** Reports leaks; true when there are none. */
function reportLeaks(leaks: Leak[]): boolean {
  if (!leaks.length) return true;
  console.error(`Not publishing: ${leaks.length} identifier${leaks.length === 1 ? '' : 's'} found in the built site`);
  for (const l of leaks.slice(0, 50)) console.error(`  ${l.file}: ${l.rule}: ${JSON.stringify(l.found)}`);
  return false;
}

/** Swaps the staged site into place. */
function publish(staging: string, outDir: string): void {
  const old = `${outDir}.old`;
  rmSync(old, { recursive: true, force: true });
  if (existsSync(outDir)) renameSync(outDir, old);
  renameSync(staging, outDir);
  rmSync(old, { recursive: true, force: true });
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
export function siteAddress(argv: string[], env = process.env): { siteUrl?: string; problem?: string; note?: string } {
  if (argv.includes('--local')) return { note: '[build] --local: the site names no address (no canonical links, sitemap, or address in citations and downloads); not for publishing' };
  if (env.SITE_URL) return { siteUrl: env.SITE_URL };
  const kind = loadScanInputs(readStudyFolder(studyDirFromArgs(argv))).study?.provenance.kind;
  if (kind === 'study') {
    return { problem: 'Cannot build the site: SITE_URL is not set, and study.yaml says provenance.kind: study, so citations, downloads and links must carry the address readers will use. Set SITE_URL to the address the site will be published at (SITE_URL=https://example.org/study/ npm run build), or add --local for a copy that names no address.' };
  }
  return { note: '[build] SITE_URL is not set: the site names no address (no canonical links, sitemap, or address in citations and downloads); set SITE_URL=https://… to publish' };
}

/** What a signal handler must undo for the build in progress in this process. */
let inProgress: { cleanup(): void } | undefined;

/**
 * content -> astro -> pagefind -> publish; returns false when the study folder has problems, a
 * leak is found or another build holds the output folder.
 *
 * One build at a time per output folder (see build-lock.ts). A whole build stages in folders of its
 * own (`<out>.staging-<run>`, `<out>.search-<run>`), so it never publishes what another run
 * wrote, and removes them on every way out that runs code (success, refusal, error, a signal);
 * after `kill -9` the next build removes them. With --only, the stages share `<out>.staging`
 * across runs (the benchmark times each stage in its own process), and it is left in place.
 * With --keep-refused, a site the privacy scan refused is moved to `<out>.refused/` for reading.
 */
export async function run(argv = process.argv.slice(2)): Promise<boolean> {
  const flag = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
  const outDir = resolve(flag('--out') ?? 'dist');
  const only = flag('--only');
  const taken = acquireBuildLock(outDir);
  if ('heldBy' in taken) {
    console.error(lockedMessage(taken.path, taken.heldBy));
    return false;
  }
  const { lock, notes } = taken;
  for (const note of notes) console.log(`[build] ${note}`);
  const runId = `${process.pid}-${randomBytes(4).toString('hex')}`;
  // Astro and Pagefind write beside the output folder, then the result replaces it.
  const staging = only ? `${outDir}.staging` : `${outDir}.staging-${runId}`;
  const searchDir = only ? `${outDir}.search` : `${outDir}.search-${runId}`;
  // The content stage writes into a folder of this run too; it replaces content/generated only
  // under that folder's lock, held until the site is built, so that two builds to different
  // output folders never build from each other's study.
  const generated = only ? undefined : { staging: resolve(`${GENERATED_DIR}.staging-${runId}`), lock: undefined as BuildLock | undefined };
  lock.record({ folders: [searchDir, ...(only ? [] : [staging]), ...(generated ? [generated.staging] : [])] });
  const cleanup = () => {
    endChildGroups();
    for (const folder of only ? [searchDir] : [staging, searchDir, generated!.staging]) {
      const failed = removeFolder(folder, 'the staging folder');
      if (failed) console.error(`[build] ${failed}`);
    }
    generated?.lock?.release();
    lock.release();
  };
  inProgress = { cleanup };
  let ok = false;
  try {
    ok = await runStages(argv, { outDir, only, staging, searchDir, lock, generated });
    return ok;
  } finally {
    inProgress = undefined;
    // --keep-refused: a site the privacy scan refused is kept for reading, at a name no build
    // publishes from, and the build says where.
    if (!ok && !only && argv.includes('--keep-refused') && existsSync(staging)) {
      const refused = `${outDir}.refused`;
      rmSync(refused, { recursive: true, force: true });
      renameSync(staging, refused);
      console.error(`[build] the refused site is in ${refused}; it holds what the scan refused: delete it once read`);
    }
    cleanup();
  }
}

/** Waits for the lock of a folder that another build may be using; says once whom it waits for. */
async function waitForLock(folder: string): Promise<BuildLock> {
  for (let told = false; ; await new Promise((done) => setTimeout(done, 250))) {
    const taken = acquireBuildLock(folder);
    if ('lock' in taken) return taken.lock;
    if (!told) console.log(`[build] waiting for build ${taken.heldBy.pid} (started ${taken.heldBy.started}), which is building from ${folder}`);
    told = true;
  }
}

/** The stages of one build, holding the lock. */
async function runStages(argv: string[], { outDir, only, staging, searchDir, lock, generated }: { outDir: string; only?: string; staging: string; searchDir: string; lock: BuildLock; generated?: { staging: string; lock?: BuildLock } }): Promise<boolean> {
  const onGroup = (group: number) => lock.record({ groups: [group] });
  const wanted = (name: string) => !only || only === name;
  const address = wanted('astro') || wanted('scan') ? siteAddress(argv) : {};
  if (address.problem) {
    console.error(address.problem);
    return false;
  }
  if (address.note && wanted('astro')) console.log(address.note);
  const contentArgs = generated ? [...argv, '--generated', generated.staging] : argv;
  if (wanted('content') && !(await stage('content', () => buildContent(contentArgs, onGroup)))) return false;
  if (generated) {
    generated.lock = await waitForLock(resolve(GENERATED_DIR));
    rmSync(GENERATED_DIR, { recursive: true, force: true });
    renameSync(generated.staging, GENERATED_DIR);
  }
  // The study folder's redactions and allowed links, for the privacy scan (the content stage has
  // validated the folder; only study.yaml and redactions.yaml are read again).
  const rules = wanted('scan') ? scanRules(argv, address.siteUrl) : undefined;
  const publicText = () => readFileSync(`${GENERATED_DIR}/excerpts.json`, 'utf8');
  // Astro builds the pages in a child process. Meanwhile Pagefind, in a process of its own at a
  // lower priority, indexes the anonymized excerpts from content/generated; it writes the index
  // only once Astro has exited, because at 20,000 excerpts the two at their peaks (1.2 GB and
  // 0.75 GB) would pass 2 GB together.
  if (wanted('astro')) rmSync(staging, { recursive: true, force: true });
  const astro = wanted('astro') ? stage('astro build', () => buildSite(staging, address.siteUrl, onGroup)) : undefined;
  astro?.catch(() => {}); // awaited below
  // The pages are scanned as Astro writes them, and checked again once it has finished.
  const follower = astro && rules ? followPages(staging, rules) : undefined;
  const search = wanted('pagefind') ? await startSearchIndex(readSearchRecords(), { lowPriority: astro !== undefined }) : undefined;
  try {
    await astro;
  } catch (e) {
    // So that neither Pagefind's process nor the scan lingers.
    await Promise.all([search?.abandon(), follower?.stop()]);
    throw e;
  }
  // Then Pagefind writes its index, which two workers scan while this thread asks Pagefind's search
  // for every redaction word; meanwhile the page scan makes its final pass. The index is written
  // beside the staging folder, so that the listing of the pages never meets it half-written.
  const indexed = search && (async () => {
    // The scan's workers start while Pagefind writes.
    const scan = rules && indexScan(staging, rules, publicText());
    try {
      rmSync(searchDir, { recursive: true, force: true });
      console.log(`[build] ${await stage('pagefind', () => search.write(searchDir))} excerpts indexed for search`);
    } catch (e) {
      await scan?.stop();
      throw e;
    }
    rmSync(`${staging}/pagefind`, { recursive: true, force: true });
    renameSync(`${searchDir}/pagefind`, `${staging}/pagefind`);
    rmSync(searchDir, { recursive: true, force: true });
    return scan ? stage('privacy scan of the search index', () => scan.scan()) : [];
  })();
  indexed?.catch(() => {}); // awaited below; a failing page scan must not leave it unhandled
  if (rules) {
    // Without Astro in this run (--only scan), two workers share the pages.
    const pageLeaks = stage('privacy scan of the pages', () => follower?.finish() ?? scanWorkers(staging, 'pages', rules, 2).scan());
    const leaks = [...(await pageLeaks), ...(await (indexed ?? indexScan(staging, rules, publicText()).scan()))];
    if (!reportLeaks(leaks)) return false;
  } else {
    await indexed;
  }
  if (wanted('publish')) {
    publish(staging, outDir);
    console.log(`[build] site written to ${outDir}`);
  }
  return true;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  // Interrupted (Ctrl-C, a terminal closed, a CI timeout): end the children, remove the staging
  // folders and the lock, then exit as the signal would have.
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    process.once(signal, () => {
      console.error(`[build] ${signal}: stopping the build`);
      inProgress?.cleanup();
      process.exit(code);
    });
  }
  run().then((ok) => { process.exitCode = ok ? 0 : 1; }, (e) => { console.error(e); process.exitCode = 1; });
}
