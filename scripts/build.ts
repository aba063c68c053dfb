/**
 * The whole build, in one command: content -> astro build -> pagefind -> publish.
 * Astro and Pagefind write into a staging folder; dist/ is replaced only when every stage
 * succeeded, so a bad study folder or a failed build leaves the previous site untouched.
 *
 *   node scripts/build.ts [--study <folder>] [--out <dir>] [--only content|astro|pagefind|publish]
 *
 * --only runs a single stage (the benchmark times each in its own process).
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { run as buildContent } from './build-content.ts';

process.env.ASTRO_TELEMETRY_DISABLED = '1';

/** Where Astro and Pagefind write before the result replaces the output folder. */
const STAGING = '.build/staging';

/** Runs Astro's static build into `outDir`. */
async function buildSite(outDir: string): Promise<void> {
  const { build } = await import('astro');
  await build({ root: process.cwd(), outDir, logLevel: process.env.CI ? 'warn' : 'info' });
}

/** Indexes only what the pages mark with data-pagefind-body (anonymized excerpts), into outDir/pagefind. */
async function buildSearchIndex(outDir: string): Promise<number> {
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
  const staging = resolve(STAGING);
  const wanted = (name: string) => !only || only === name;
  if (wanted('content') && !(await stage('content', () => buildContent(argv)))) return false;
  if (wanted('astro')) {
    rmSync(staging, { recursive: true, force: true });
    await stage('astro build', () => buildSite(staging));
  }
  if (wanted('pagefind')) console.log(`[build] ${await stage('pagefind', () => buildSearchIndex(staging))} pages indexed`);
  if (wanted('publish')) {
    publish(staging, outDir);
    console.log(`[build] site written to ${outDir}`);
  }
  return true;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  run().then((ok) => { process.exitCode = ok ? 0 : 1; }, (e) => { console.error(e); process.exitCode = 1; });
}
