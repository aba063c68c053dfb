/**
 * The whole build, in one command: content -> astro build -> pagefind -> privacy scan -> publish.
 * Astro and Pagefind write into a staging folder; dist/ is replaced only when every stage
 * succeeded, so a bad study folder, a failed build or a leak leaves the previous site untouched.
 *
 *   node scripts/build.ts [--study <folder>] [--out <dir>] [--only content|astro|pagefind|scan|publish]
 *
 * --only runs a single stage (the benchmark times each in its own process).
 */
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { spawn } from 'node:child_process';
import { GENERATED_DIR, run as buildContent, studyDirFromArgs } from './build-content.ts';
import { loadStudy } from './lib/load-study.ts';
import { type SearchRecord, searchRecords } from './lib/search-records.ts';
import { readStudyFolder } from './lib/study-files.ts';
import type { Leak } from './lib/find-leaks.ts';
import { type ScanRules, scanIndex, scanPages } from './scan-site.ts';
import { Worker } from 'node:worker_threads';

process.env.ASTRO_TELEMETRY_DISABLED = '1';


/**
 * Runs Astro's static build into `outDir`, in a child process: at 20,000 pages Astro holds over a
 * gigabyte, which the later stages should not have to share.
 */
async function buildSite(outDir: string): Promise<void> {
  // Vitest sets these for its own Vite; an Astro build started from a test must not inherit them.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV'].includes(k)));
  const astro = fileURLToPath(new URL('../node_modules/astro/bin/astro.mjs', import.meta.url));
  const args = [astro, 'build', ...(process.env.CI ? ['--silent'] : [])];
  await new Promise<void>((done, fail) => {
    spawn(process.execPath, args, { stdio: 'inherit', env: { ...env, ASTRO_OUT_DIR: outDir, ASTRO_TELEMETRY_DISABLED: '1' } })
      .on('error', fail)
      .on('exit', (code) => (code === 0 ? done() : fail(new Error(`astro build exited with code ${code}`))));
  });
}

/**
 * Starts indexing the search records (anonymized excerpts, from content/generated);
 * `write(outDir)` waits for the index and writes it into outDir/pagefind.
 */
export async function startSearchIndex(records: SearchRecord[]): Promise<{ write(outDir: string): Promise<number>; abandon(): Promise<unknown> }> {
  const pagefind = await import('pagefind');
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  const added = (async () => {
    // In batches: 20,000 records in flight at once only fill memory.
    for (let i = 0; i < records.length; i += 500) {
      const results = await Promise.all(records.slice(i, i + 500).map((r) => index.addCustomRecord(r)));
      const failed = results.flatMap((r) => r.errors);
      if (failed.length) throw new Error(`pagefind: ${failed.slice(0, 5).join('; ')}`);
    }
  })();
  added.catch(() => {}); // reported by write()
  return {
    async write(outDir) {
      try {
        await added;
        const written = await index.writeFiles({ outputPath: `${outDir}/pagefind` });
        if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
        return records.length;
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

/** Namespace URIs that sitemaps and SVG carry; they are identifiers, not links to anyone. */
const XML_NAMESPACES = ['http://www.sitemaps.org/schemas/', 'http://www.w3.org/', 'http://www.google.com/schemas/sitemap-'];

/** The study's redactions and the links the site may publish: what the privacy scan looks for and allows. */
function scanRules(argv: string[]): ScanRules {
  const files = readStudyFolder(studyDirFromArgs(argv));
  const { loaded } = loadStudy(files);
  const allowedUrls = [...(files.study ?? '').matchAll(/https?:\/\/[^\s"']+/g)].map((m) => m[0]).concat(XML_NAMESPACES);
  if (loaded.study) allowedUrls.push(`https://doi.org/${loaded.study.doi}`);
  // The site's own address (astro.config.mjs reads the same variable with the same default).
  allowedUrls.push(new URL(process.env.SITE_URL || 'http://localhost:4321').origin);
  return { redactions: loaded.redactions, allowedUrls };
}

/** Scans the built pages on a worker thread. */
function scanPagesInWorker(siteDir: string, rules: ScanRules): Promise<Leak[]> {
  return new Promise((done, fail) => {
    const worker = new Worker(new URL('./scan-pages-worker.ts', import.meta.url), { workerData: { siteDir, rules } });
    worker.once('message', done);
    worker.once('error', fail);
  });
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

/** content -> astro -> pagefind -> publish; returns false when the study folder has problems. */
export async function run(argv = process.argv.slice(2)): Promise<boolean> {
  const flag = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
  const outDir = resolve(flag('--out') ?? 'dist');
  const only = flag('--only');
  // Astro and Pagefind write beside the output folder, then the result replaces it.
  const staging = `${outDir}.staging`;
  const wanted = (name: string) => !only || only === name;
  if (wanted('content') && !(await stage('content', () => buildContent(argv)))) return false;
  if (wanted('astro')) {
    rmSync(staging, { recursive: true, force: true });
    await stage('astro build', () => buildSite(staging));
  }
  // Pagefind indexes in a process of its own while a worker thread scans the pages for leaks.
  // The study folder is read and validated once for the scan, not once per part of it.
  const rules = wanted('scan') ? scanRules(argv) : undefined;
  let pageLeaks: Promise<Leak[]> | undefined;
  if (wanted('pagefind')) {
    const search = await startSearchIndex(readSearchRecords());
    if (rules) pageLeaks = scanPagesInWorker(staging, rules);
    console.log(`[build] ${await stage(pageLeaks ? 'pagefind, with the pages scanned alongside' : 'pagefind', () => search.write(staging))} excerpts indexed for search`);
  }
  if (rules) {
    const clean = await stage('privacy scan', async () => reportLeaks([
      ...(await (pageLeaks ?? Promise.resolve(scanPages(staging, rules)))),
      ...(await scanIndex(staging, rules, readFileSync(`${GENERATED_DIR}/excerpts.json`, 'utf8'))),
    ]));
    if (!clean) return false;
  }
  if (wanted('publish')) {
    publish(staging, outDir);
    console.log(`[build] site written to ${outDir}`);
  }
  return true;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  run().then((ok) => { process.exitCode = ok ? 0 : 1; }, (e) => { console.error(e); process.exitCode = 1; });
}
