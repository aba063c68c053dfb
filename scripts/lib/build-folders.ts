/**
 * The folders one build writes. Each build has its own, so that builds of two studies into two
 * output folders run side by side without meeting:
 *
 *   <out>.staging-<run>/      the site as Astro and Pagefind write it; renamed to <out> when published
 *   <out>.search-<run>/       the search index while Pagefind writes it
 *   .build/runs/<run>/        Astro's project root for this build: its .astro/ folder and caches
 *     generated/              the content stage's output, which Astro reads (EVIDENCE_GENERATED_DIR)
 *   reports/<out>/            the private anonymization report, kept (never beside the site, which
 *                             may sit in a folder a web server shows)
 *
 * A run's folders are removed when it ends, however it ends (build.ts), or after `kill -9` by the
 * next build (build-lock.ts); the report stays. With --only, the stages of one output folder share
 * `<out>.staging`, `<out>.search` and `.build/runs/only-<hash of out>/` across runs (the benchmark
 * times each stage in its own process), and they are left in place.
 */
import { createHash, randomBytes } from 'node:crypto';
import { basename, isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's folder (Astro's config and node_modules are there). */
export const REPO_DIR = fileURLToPath(new URL('../../', import.meta.url));

/** Where the run folders are: always two levels below the repository, so that every build's
 * project root is as far from src/ as every other's, and their output byte-identical. */
export const RUNS_DIR = join(REPO_DIR, '.build', 'runs');

/** Every folder of one build. */
export interface BuildFolders {
  out: string;
  staging: string;
  search: string;
  /** Astro's project root for this build (its .astro/ folder and cache live there). */
  root: string;
  generated: string;
  reports: string;
  /** Whether the folders belong to this run only (removed when it ends). */
  ownRun: boolean;
}

/** A run id: this process's id, so that a later build can tell whether its builder still runs. */
export function newRunId(): string {
  return `${process.pid}-${randomBytes(4).toString('hex')}`;
}

/** The folders of a build into `out` (absolute): of run `runId`, or shared by --only runs when undefined. */
export function buildFolders(out: string, runId: string | undefined): BuildFolders {
  const root = join(RUNS_DIR, runId ?? `only-${createHash('sha256').update(out).digest('hex').slice(0, 12)}`);
  return {
    out,
    staging: runId ? `${out}.staging-${runId}` : `${out}.staging`,
    search: runId ? `${out}.search-${runId}` : `${out}.search`,
    root,
    generated: join(root, 'generated'),
    reports: reportsDir(out),
    ownRun: runId !== undefined,
  };
}

/**
 * The private reports of a build into `out`: reports/<out as a path in the repository>/, or
 * reports/elsewhere/<name>-<hash>/ for an output folder outside it. One output folder, one build at a
 * time (build-lock.ts): so one report folder per build in progress.
 */
export function reportsDir(out: string): string {
  const inside = relative(REPO_DIR, out);
  if (inside && !inside.startsWith('..') && !isAbsolute(inside)) return join(REPO_DIR, 'reports', inside);
  return join(
    REPO_DIR,
    'reports',
    'elsewhere',
    `${basename(out)}-${createHash('sha256').update(out).digest('hex').slice(0, 8)}`,
  );
}
