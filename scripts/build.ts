/**
 * The whole build, in one command: content -> astro build (with pagefind indexing alongside) ->
 * privacy scan -> publish.
 * Astro and Pagefind write into a staging folder; dist/ is replaced only when every stage
 * succeeded, so a bad study folder, a failed build or a leak leaves the previous site untouched.
 *
 *   node scripts/build.ts [--study <folder>] [--out <dir>] [--only content|astro|pagefind|scan|publish]
 *
 * --only runs a single stage (the benchmark times each in its own process).
 */
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { GENERATED_DIR, run as buildContent, studyDirFromArgs } from './build-content.ts';
import { loadStudy } from './lib/load-study.ts';
import { type SearchRecord, searchRecords } from './lib/search-records.ts';
import { readStudyFolder } from './lib/study-files.ts';
import { scanSite } from './scan-site.ts';

process.env.ASTRO_TELEMETRY_DISABLED = '1';


/** Runs Astro's static build into `outDir`. */
async function buildSite(outDir: string): Promise<void> {
  const { build } = await import('astro');
  await build({ root: process.cwd(), outDir, logLevel: process.env.CI ? 'warn' : 'info' });
}

/**
 * Starts indexing the search records (anonymized excerpts, from content/generated) while the
 * caller builds the pages; `write(outDir)` waits for the index and writes it into outDir/pagefind.
 */
export async function startSearchIndex(records: SearchRecord[]): Promise<{ write(outDir: string): Promise<number>; abandon(): Promise<unknown> }> {
  const pagefind = await import('pagefind');
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  const added = Promise.all(records.map((r) => index.addCustomRecord(r))).then((results) => {
    const failed = results.flatMap((r) => r.errors);
    if (failed.length) throw new Error(`pagefind: ${failed.slice(0, 5).join('; ')}`);
  });
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

/** Fails when a redaction term or detector hit survived into the staged site or its index. */
async function checkPrivacy(staging: string, argv: string[]): Promise<boolean> {
  const files = readStudyFolder(studyDirFromArgs(argv));
  const { loaded } = loadStudy(files);
  const allowedUrls = [...(files.study ?? '').matchAll(/https?:\/\/[^\s"']+/g)].map((m) => m[0]).concat(XML_NAMESPACES);
  if (loaded.study) allowedUrls.push(`https://doi.org/${loaded.study.doi}`);
  // The site's own address (astro.config.mjs reads the same variable with the same default).
  allowedUrls.push(new URL(process.env.SITE_URL || 'http://localhost:4321').origin);
  const publicText = readFileSync(`${GENERATED_DIR}/excerpts.json`, 'utf8');
  const leaks = await scanSite(staging, loaded.redactions, allowedUrls, publicText);
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

/** Times one stage and prints its duration and the process's peak memory so far. */
async function stage<T>(name: string, work: () => T | Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await work();
  const seconds = ((performance.now() - start) / 1000).toFixed(1);
  const peak = (process.resourceUsage().maxRSS / 1024).toFixed(0);
  console.log(`[build] ${name}: ${seconds} s (peak memory of this process so far: ${peak} MB)`);
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
  if (wanted('astro') || wanted('pagefind')) {
    // Pagefind indexes the excerpts from data while Astro builds the pages (two cores, two jobs).
    const search = wanted('pagefind') ? await startSearchIndex(readSearchRecords()) : undefined;
    if (wanted('astro')) {
      rmSync(staging, { recursive: true, force: true });
      try {
        await stage(search ? 'astro build, with pagefind indexing alongside' : 'astro build', () => buildSite(staging));
      } catch (e) {
        await search?.abandon();
        throw e;
      }
    }
    if (search) console.log(`[build] ${await stage('pagefind', () => search.write(staging))} excerpts indexed for search`);
  }
  if (wanted('scan') && !(await stage('privacy scan', () => checkPrivacy(staging, argv)))) return false;
  if (wanted('publish')) {
    publish(staging, outDir);
    console.log(`[build] site written to ${outDir}`);
  }
  return true;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  run().then((ok) => { process.exitCode = ok ? 0 : 1; }, (e) => { console.error(e); process.exitCode = 1; });
}
