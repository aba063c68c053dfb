/**
 * The two stages the build runs as child processes (each in a process group of its own, see
 * child-group.ts): the content stage, and Astro's static build. At 20,000 excerpts the content
 * stage needs 0.7 GB and Astro over a gigabyte; in children, each gives its memory back when done.
 */
import { mkdirSync, statSync, symlinkSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnGroup } from './child-group.ts';
import { type BuildFolders, REPO_DIR } from './build-folders.ts';

/** Told the process group of each child started, to record it in the build lock. */
export type OnGroup = (group: number) => void;

/**
 * Runs the content stage (scripts/build-content.ts) on `studyDir` into the build's generated and
 * reports folders. What it prints is passed on through this process's console; false when the
 * study folder has problems.
 */
export async function runContentStage(studyDir: string, folders: BuildFolders, onGroup?: OnGroup): Promise<boolean> {
  const script = fileURLToPath(new URL('../build-content.ts', import.meta.url));
  const args = [script, '--study', studyDir, '--generated', folders.generated, '--reports', folders.reports];
  // A larger young generation: the stage allocates many short-lived strings (measured ~10% faster).
  const child = spawnGroup(process.execPath, ['--max-semi-space-size=32', ...args], { stdio: 'pipe', onGroup });
  const output = { stdout: '', stderr: '' };
  child.stdout!.on('data', (chunk) => {
    output.stdout += chunk;
  });
  child.stderr!.on('data', (chunk) => {
    output.stderr += chunk;
  });
  const code = await new Promise<number | null>((done, fail) => child.on('error', fail).on('close', done));
  for (const line of output.stdout.split('\n').filter(Boolean)) console.log(line);
  for (const line of output.stderr.split('\n').filter(Boolean)) console.error(line);
  return code === 0;
}

/** Variables Vitest sets for its own Vite: an Astro build started from a test must not inherit them. */
const VITEST_VARIABLES = ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV'];

/**
 * This process's environment without the variables Vitest sets for its own tests, for an Astro
 * child: its Vite's, and VITEST* (with VITEST set, Astro's dev server answers no request).
 */
export function astroEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !VITEST_VARIABLES.includes(k) && !k.startsWith('VITEST')),
  );
}

/**
 * Links `<root>/node_modules/.cache` to the repository's: the site's own caches (the Urdu face's
 * cuts, src/lib/urdu-font.ts) are kept there from the working directory, by content hash and written
 * atomically, so builds share them safely and a build does not cut again what the last one cut.
 * Astro's cache (node_modules/.astro) and Vite's (node_modules/.vite) stay the build's own.
 */
function shareToolCache(root: string): void {
  const shared = join(REPO_DIR, 'node_modules', '.cache');
  const link = join(root, 'node_modules', '.cache');
  mkdirSync(shared, { recursive: true });
  mkdirSync(dirname(link), { recursive: true });
  try {
    symlinkSync(shared, link);
  } catch (e) {
    // Linked already: an --only run's root is used again.
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
}

/**
 * The old-generation limit (MB) Astro's process runs with. Unbounded, V8 lets garbage pile up while
 * the machine has memory free: at 20,000 excerpts of the benchmark's wide shape Astro held 2.5 GB
 * with a live heap of about 320 MB; limited to 1,000 MB it held 1.5 GB (2026-12-02, npm run bench
 * figures in docs/benchmarks.md). The live heap grows with the excerpts Astro loads, so the limit
 * does too: 1 GB, or 512 MB plus 16 times the generated excerpts.json, whichever is larger.
 * EVIDENCE_ASTRO_HEAP_MB overrides it (a study whose build runs out of memory).
 */
export function astroHeapMb(excerptsJsonBytes: number, env: NodeJS.ProcessEnv = process.env): number {
  const set = Number(env.EVIDENCE_ASTRO_HEAP_MB);
  if (env.EVIDENCE_ASTRO_HEAP_MB && Number.isInteger(set) && set > 0) return set;
  return Math.max(1024, 512 + Math.ceil((16 * excerptsJsonBytes) / 2 ** 20));
}

/**
 * Runs Astro's static build into the staging folder, reading the build's generated folder, with
 * the build's run folder as Astro's project root and working directory: Astro keeps its generated
 * modules (.astro/), its data store (cacheDir) and, for an output folder outside its working
 * directory, its prerendered chunks (.astro/.prerender) there, so two builds at once never read
 * each other's.
 */
export async function runAstroBuild(
  folders: BuildFolders,
  siteUrl: string | undefined,
  onGroup?: OnGroup,
): Promise<void> {
  shareToolCache(folders.root);
  const env = astroEnv();
  const astro = fileURLToPath(new URL('../../node_modules/astro/bin/astro.mjs', import.meta.url));
  // Astro reads --config relative to --root.
  const config = relative(folders.root, `${REPO_DIR}/astro.config.mjs`);
  const heap = astroHeapMb(statSync(join(folders.generated, 'excerpts.json')).size);
  const args = [
    `--max-old-space-size=${heap}`,
    astro,
    'build',
    '--root',
    folders.root,
    '--config',
    config,
    ...(process.env.CI ? ['--silent'] : []),
  ];
  await new Promise<void>((done, fail) => {
    spawnGroup(process.execPath, args, {
      stdio: 'inherit',
      cwd: folders.root,
      env: {
        ...env,
        SITE_URL: siteUrl ?? '',
        ASTRO_OUT_DIR: folders.staging,
        EVIDENCE_GENERATED_DIR: folders.generated,
        ASTRO_TELEMETRY_DISABLED: '1',
      },
      onGroup,
    })
      .on('error', fail)
      .on('exit', (code) => (code === 0 ? done() : fail(new Error(`astro build exited with code ${code}`))));
  });
}
