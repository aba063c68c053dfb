/**
 * The privacy gate, as the build runs it: worker threads read every file of the built site (HTML,
 * JSON, downloads and the decompressed Pagefind index) for redaction terms and detector hits,
 * while this thread asks Pagefind's own search API for every word of every redaction term. Any
 * finding fails the build. The tests scan through the same functions (scanBuiltSite).
 */
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { Leak } from './find-leaks.ts';
import { listFiles } from './list-files.ts';
import { loadScanInputs } from './load-study.ts';
import { publicWords, searchIndexForRedactions } from './scan-search.ts';
import type { ScanRules, Share } from './scan-texts.ts';
import type { ScanJob } from './scan-worker.ts';
import { readStudyFolder } from './study-files.ts';
import { generatedIds } from './study-text.ts';

/** Namespace URIs that sitemaps, SVG and JSON-LD (`@context`) carry; they are identifiers, not links to anyone. */
const XML_NAMESPACES = [
  'http://www.sitemaps.org/schemas/',
  'http://www.w3.org/',
  'http://www.google.com/schemas/sitemap-',
  'https://schema.org',
];

/**
 * The study's redactions and the links the site may publish: what the scan looks for and allows.
 * `generatedDir` is the content stage's output for this build (its ids are no leaks).
 */
export function scanRules(studyDir: string, generatedDir: string, siteUrl: string | undefined): ScanRules {
  const files = readStudyFolder(studyDir);
  const loaded = loadScanInputs(files);
  const allowedUrls = [...(files.study ?? '').matchAll(/https?:\/\/[^\s"']+/g)].map((m) => m[0]).concat(XML_NAMESPACES);
  if (loaded.study) allowedUrls.push(`https://doi.org/${loaded.study.doi}`);
  // The site's own address, when it has one (astro.config.mjs reads the same variable).
  if (siteUrl) allowedUrls.push(new URL(siteUrl).origin);
  const generated = (name: string) => JSON.parse(readFileSync(`${generatedDir}/${name}`, 'utf8'));
  return {
    redactions: loaded.redactions,
    allowedUrls,
    generatedIds: generatedIds(generated('site.json'), generated('excerpts.json')),
  };
}

/** A scan worker (scan-worker.ts); `result()` waits for the one message it posts back. */
interface ScanWorker<T> {
  worker: Worker;
  result(): Promise<T>;
}

/** Starts a scan worker. */
function startWorker<T>(job: ScanJob): ScanWorker<T> {
  const worker = new Worker(new URL('./scan-worker.ts', import.meta.url), { workerData: job });
  // The outcome is kept as a value until someone asks for it: a worker that fails before anyone
  // waits is reported to whoever then asks, and a worker stopped after a failure elsewhere is not
  // a second, unhandled failure.
  const outcome = new Promise<{ value: T } | { error: Error }>((settle) => {
    worker.once('message', (value: T) => settle({ value }));
    worker.once('error', (error: Error) => settle({ error }));
    worker.once('exit', (code) =>
      settle({ error: new Error(`privacy scan: a worker exited (code ${code}) without a result`) }),
    );
  });
  return {
    worker,
    async result() {
      const settled = await outcome;
      if ('error' in settled) throw settled.error;
      return settled.value;
    },
  };
}

/** A scan under way: `scan()` (or `finish()`) gives its leaks; `stop()` ends its workers. */
export interface Scan {
  scan(): Promise<Leak[]>;
  stop(): Promise<void>;
}

/**
 * Starts `of` worker threads that scan one part of the built site: `scan()` lists the part's
 * files and gives each worker its share. Started early, they are ready when the files are.
 */
export function scanWorkers(siteDir: string, part: 'pages' | 'index', rules: ScanRules, of: number): Scan {
  const workers = Array.from({ length: of }, () => startWorker<Leak[]>({ siteDir, part, rules }));
  return {
    async scan() {
      const files =
        part === 'index'
          ? listFiles(`${siteDir}/pagefind`).map((f) => `pagefind/${f}`)
          : listFiles(siteDir).filter((f) => !f.startsWith('pagefind/'));
      workers.forEach(({ worker }, index) => worker.postMessage({ index, of, files } satisfies Share));
      return (await Promise.all(workers.map((w) => w.result()))).flat();
    },
    stop: async () => {
      await Promise.all(workers.map(({ worker }) => worker.terminate()));
    },
  };
}

/**
 * Scans the pages on a worker while Astro writes them, on the time Astro leaves idle (see
 * FollowingScan); `scan()`, once Astro has exited, scans what is left and returns the leaks.
 */
export function followPages(siteDir: string, rules: ScanRules): Scan {
  const { worker, result } = startWorker<{ leaks: Leak[]; files: number; read: number }>({
    siteDir,
    rules,
    follow: true,
  });
  return {
    async scan() {
      worker.postMessage('finish');
      const { leaks, files, read } = await result();
      console.log(`[build] ${files - read} of ${files} pages and downloads scanned while Astro built, ${read} after`);
      return leaks;
    },
    stop: async () => {
      await worker.terminate();
    },
  };
}

/**
 * Readies the scan of the search index: two workers that will scan its decompressed files while
 * this thread asks Pagefind's search for every redaction word; `scan()` once the index is there.
 */
export function indexScan(siteDir: string, rules: ScanRules, publicText: string): Scan {
  const workers = scanWorkers(siteDir, 'index', rules, 2);
  const published = publicWords(publicText);
  return {
    async scan() {
      const [files, searched] = await Promise.all([
        workers.scan(),
        searchIndexForRedactions(siteDir, rules, published),
      ]);
      return [...files, ...searched];
    },
    stop: workers.stop,
  };
}

/**
 * Scans a whole built site, its pages and its search index, as a build does after the fact
 * (`--only scan`); returns every leak found, empty when the site is clean.
 */
export async function scanBuiltSite(siteDir: string, rules: ScanRules, publicText: string): Promise<Leak[]> {
  const scans = [scanWorkers(siteDir, 'pages', rules, 2), indexScan(siteDir, rules, publicText)];
  try {
    return (await Promise.all(scans.map((s) => s.scan()))).flat();
  } finally {
    await Promise.all(scans.map((s) => s.stop()));
  }
}

/** Reports leaks; true when there are none. */
export function reportLeaks(leaks: Leak[]): boolean {
  if (!leaks.length) return true;
  console.error(`Not publishing: ${leaks.length} identifier${leaks.length === 1 ? '' : 's'} found in the built site`);
  for (const l of leaks.slice(0, 50)) console.error(`  ${l.file}: ${l.rule}: ${JSON.stringify(l.found)}`);
  return false;
}
