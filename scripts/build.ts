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
import { pathToFileURL } from 'node:url';
import { GENERATED_DIR, run as buildContent, studyDirFromArgs } from './build-content.ts';
import { loadStudy } from './lib/load-study.ts';
import { readStudyFolder } from './lib/study-files.ts';
import { scanSite } from './scan-site.ts';

process.env.ASTRO_TELEMETRY_DISABLED = '1';


/** Runs Astro's static build into `outDir`. */
async function buildSite(outDir: string): Promise<void> {
  const { build } = await import('astro');
  await build({ root: process.cwd(), outDir, logLevel: process.env.CI ? 'warn' : 'info' });
}

/** Indexes only what the pages mark with data-pagefind-body (anonymized excerpts), into outDir/pagefind. */
export async function buildSearchIndex(outDir: string): Promise<number> {
  const pagefind = await import('pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: outDir });
    if (added.errors.length) throw new Error(`pagefind: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: `${outDir}/pagefind` });
    if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
    return added.page_count;
  } finally {
    await pagefind.close();
  }
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
  if (wanted('astro')) {
    rmSync(staging, { recursive: true, force: true });
    await stage('astro build', () => buildSite(staging));
  }
  if (wanted('pagefind')) console.log(`[build] ${await stage('pagefind', () => buildSearchIndex(staging))} pages indexed`);
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
