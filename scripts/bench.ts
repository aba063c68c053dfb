/**
 * Benchmarks the full build, stage by stage, each stage in its own process, then the whole build
 * as `npm run build` runs it, for study shapes given as presets or options; beside it, with
 * --baseline, the same excerpts as one MDX file each in a plain Astro site plus the Pagefind CLI.
 * Time is wall-clock; peak memory is the largest sum of the resident memory of the build and every
 * process it started (Astro, Pagefind), sampled from /proc every 50 ms, so processes that run side
 * by side count together; the process that held most of it at that moment is named.
 *
 *   npm run bench                                  the bundled study
 *   npm run bench -- --preset wide --baseline      a named shape (see PRESETS), with the baseline
 *   npm run bench -- --excerpts 2000,20000 --codes 256 --participants 600 --lengths long-tail --urdu 0.15
 *   npm run bench -- --excerpts 22000 --text-mb 50
 *
 * Linux only (reads /proc). Writes only under .build/bench/. Arguments: scripts/lib/cli.ts (strict).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseCommandLine, UsageError } from './lib/cli.ts';
import { writeBaseline } from './lib/bench-baseline.ts';
import { syntheticStudy, type SyntheticOptions, writeSyntheticStudy } from './lib/synthetic-study.ts';

/** A study shape: sizes to build, and the synthetic options beyond the size. */
interface Shape {
  label: string;
  sizes: number[];
  options: Omit<SyntheticOptions, 'excerpts'>;
  textMb?: number[];
}

/** Named shapes: today's synthetic, many codes and participants with long-tailed lengths, the goal's extreme, 50 MB of text. */
export const PRESETS: Record<string, Shape> = {
  synthetic: { label: 'synthetic (72 codes, up to 400 participants, 20-200 words)', sizes: [2000, 20000], options: {} },
  wide: {
    label: 'wide (256 codes, 600 participants, long-tailed lengths to 900 words, 15% Urdu)',
    sizes: [2000, 20000],
    options: { codes: 256, participants: 600, lengths: 'long-tail', maxWords: 900, urdu: 0.15 },
  },
  max: {
    label: 'max (500 codes, 1,000 participants, long-tailed lengths to 1,000 words, 15% Urdu)',
    sizes: [2000, 20000],
    options: { codes: 500, participants: 1000, lengths: 'long-tail', maxWords: 1000, urdu: 0.15 },
  },
  'text-50mb': {
    label: '50 MB of excerpt text (22,000 long excerpts)',
    sizes: [2200, 22000],
    options: { participants: 400 },
    textMb: [5, 50],
  },
};

const STAGES = ['content', 'astro', 'pagefind', 'scan', 'publish'] as const;
const WORK = resolve('.build/bench');
const RUNS = join(WORK, 'runs');

/** Time and peak memory of one stage, and the processes that held it at the peak (the most first). */
interface Measure {
  stage: string;
  seconds: number;
  peakMb: number;
  holder: string;
}

/** What a process is, from its command line: astro, pagefind, the content stage, the build, a scan worker's host. */
function processName(pid: number): string {
  try {
    const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
    if (/child-guard\.sh/.test(cmd)) return 'child guard';
    if (/astro\.mjs/.test(cmd)) return 'astro';
    if (/pagefind/.test(cmd)) return 'pagefind';
    if (/build-content\.ts/.test(cmd)) return 'content stage';
    if (/build\.ts/.test(cmd)) return 'build (with scan workers)';
    return cmd.split(' ')[0].split('/').at(-1) ?? String(pid);
  } catch {
    return String(pid);
  }
}

/** Resident memory of a process and each of its descendants, in kB (none once it has exited). */
function treeRss(pid: number, into: { name: string; kb: number }[] = []): { name: string; kb: number }[] {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    into.push({ name: processName(pid), kb: Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) });
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      for (const child of readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean))
        treeRss(Number(child), into);
    }
  } catch {
    /* the process ended while being read */
  }
  return into;
}

/** Runs a command, sampling the summed memory of its process tree. */
async function measure(stage: string, command: string, args: string[], cwd = process.cwd()): Promise<Measure> {
  const start = performance.now();
  const child = spawn(command, args, {
    cwd,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, CI: '1', ASTRO_TELEMETRY_DISABLED: '1' },
  });
  let peakKb = 0;
  let holder = '';
  const sampler = setInterval(() => {
    const tree = treeRss(child.pid!);
    const sum = tree.reduce((n, p) => n + p.kb, 0);
    if (sum > peakKb) {
      peakKb = sum;
      // Every process holding at least 50 MB at the peak, largest first (the largest is the holder).
      holder = tree
        .filter((p) => p.kb >= 50 * 1024)
        .sort((x, y) => y.kb - x.kb)
        .map((p) => `${p.name} ${(p.kb / 1024 / 1024).toFixed(2)} GB`)
        .join(', ');
    }
  }, 50);
  const code = await new Promise<number | null>((done) => child.on('exit', done));
  clearInterval(sampler);
  if (code !== 0) throw new Error(`${stage} failed (${command} ${args.join(' ')})`);
  return { stage, seconds: (performance.now() - start) / 1000, peakMb: Math.round(peakKb / 1024), holder };
}

function measureStage(stage: string, study: string, out: string): Promise<Measure> {
  const only = stage === 'full build' ? [] : ['--only', stage];
  return measure(stage, process.execPath, ['scripts/build.ts', ...only, '--study', study, '--out', out]);
}

/** The MDX-per-excerpt baseline for the same study: astro build, then the Pagefind CLI; time and peak of the two together. */
async function measureBaseline(study: string, dir: string): Promise<Measure> {
  const files = writeBaseline(dir, readFileSync(join(study, 'excerpts.csv'), 'utf8'));
  const astro = await measure(
    'baseline astro',
    process.execPath,
    [resolve('node_modules/astro/bin/astro.mjs'), 'build', '--silent'],
    dir,
  );
  const pagefind = await measure(
    'baseline pagefind',
    resolve('node_modules/.bin/pagefind'),
    ['--site', join(dir, 'dist'), '--silent'],
    dir,
  );
  const peak = astro.peakMb >= pagefind.peakMb ? astro : pagefind;
  console.log(
    `  (baseline: ${files} MDX files; astro ${astro.seconds.toFixed(1)} s, ${astro.peakMb} MB; pagefind ${pagefind.seconds.toFixed(1)} s, ${pagefind.peakMb} MB)`,
  );
  return { stage: 'MDX baseline', seconds: astro.seconds + pagefind.seconds, peakMb: peak.peakMb, holder: peak.holder };
}

/**
 * Each stage alone (its own time and memory), then the whole build, each into a folder of its own.
 * Nothing is deleted between runs: this disk's ext4 has no journal, and on such a file system
 * a new file does not take an inode freed in the last 60 s (300 s more while its inode table
 * block is not yet written back; ext4's recently_deleted()): it skips over each of them, which
 * after deleting a built site added up to 30 s of system time to the next build here. Old runs
 * are removed, and the benchmark waits 65 s, before the first measurement.
 */
async function bench(
  label: string,
  study: string,
  { stages = true, baseline = false } = {},
): Promise<{ full: Measure; baseline?: Measure }> {
  const slug = label.replace(/[^a-z0-9]+/gi, '-');
  const measures: Measure[] = [];
  console.log(`\n${label}`);
  const row = (m: Measure, note = '') =>
    console.log(
      `  ${m.stage.padEnd(12)} ${m.seconds.toFixed(1).padStart(7)} s  ${String(m.peakMb).padStart(6)} MB peak  (at the peak: ${m.holder})${note}`,
    );
  if (stages) {
    for (const s of STAGES) {
      measures.push(await measureStage(s, study, join(RUNS, `${slug}stages`)));
      row(measures.at(-1)!);
    }
    const sum = measures.reduce((n, m) => n + m.seconds, 0);
    const top = measures.reduce((a, b) => (b.peakMb > a.peakMb ? b : a));
    row(
      { stage: 'stages', seconds: sum, peakMb: top.peakMb, holder: `${top.stage}: ${top.holder}` },
      ' (one after another)',
    );
  }
  const full = await measureStage('full build', study, join(RUNS, `${slug}full`));
  row(full, ' (npm run build: Pagefind indexes while Astro builds)');
  if (!baseline) return { full };
  const base = await measureBaseline(study, join(RUNS, `${slug}baseline`));
  row(base, ' (one MDX file per excerpt, astro build + pagefind CLI)');
  console.log(
    `  baseline/site: time ${(base.seconds / full.seconds).toFixed(2)}x, peak memory ${(base.peakMb / full.peakMb).toFixed(2)}x (above 1: the site is faster, smaller)`,
  );
  return { full, baseline: base };
}

/** The shapes asked for: presets by name, or one shape from the options. */
function shapesFrom(values: Record<string, string | boolean | string[] | undefined>): Shape[] {
  const presets = (values.preset as string[] | undefined) ?? [];
  for (const p of presets)
    if (!PRESETS[p] && p !== 'all')
      throw new Error(`--preset ${p}: expected one of ${Object.keys(PRESETS).join(', ')} or all`);
  const named = presets.includes('all') ? Object.values(PRESETS) : presets.map((p) => PRESETS[p]);
  if (!values.excerpts) return named;
  const num = (k: string) => (values[k] === undefined ? undefined : Number(values[k]));
  const options: Shape['options'] = {
    codes: num('codes'),
    participants: num('participants'),
    urdu: num('urdu'),
    maxWords: num('max-words'),
    medianWords: num('median-words'),
    lengths: values.lengths as SyntheticOptions['lengths'],
  };
  for (const [k, v] of Object.entries(options))
    if (typeof v === 'number' && Number.isNaN(v)) throw new Error(`--${k}: expected a number`);
  const sizes = String(values.excerpts).split(',').map(Number);
  const textMb = values['text-mb'] ? sizes.map((n) => (Number(values['text-mb']) * n) / sizes.at(-1)!) : undefined;
  const described = Object.entries(options)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  return [
    ...named,
    {
      label: `custom (${described || 'default shape'}${values['text-mb'] ? `, ${values['text-mb']} MB of text at the largest size` : ''})`,
      sizes,
      options,
      textMb,
    },
  ];
}

/** The benchmark's command line (see the top of this file). */
const BENCH_COMMAND_LINE = {
  command: 'npm run bench',
  options: {
    preset: { type: 'string', multiple: true, value: '<name>' },
    excerpts: { type: 'string', value: '<n,n,...>' },
    synthetic: { type: 'string', value: '<n,n,...>' },
    codes: { type: 'string', value: '<n>' },
    participants: { type: 'string', value: '<n>' },
    lengths: { type: 'string', value: '<shape>' },
    'median-words': { type: 'string', value: '<n>' },
    'max-words': { type: 'string', value: '<n>' },
    urdu: { type: 'string', value: '<share>' },
    'text-mb': { type: 'string', value: '<mb,mb,...>' },
    baseline: { type: 'boolean' },
    'no-stages': { type: 'boolean' },
    'no-wait': { type: 'boolean' },
  },
} as const;

async function main(argv: string[]): Promise<void> {
  if (process.platform !== 'linux') throw new Error('npm run bench reads memory from /proc: it runs on Linux');
  const values = { ...parseCommandLine(BENCH_COMMAND_LINE, argv).values };
  if (values.synthetic) values.excerpts = values.synthetic; // the earlier spelling
  const shapes = shapesFrom(values);
  if (existsSync(RUNS)) {
    rmSync(RUNS, { recursive: true, force: true });
    if (!values['no-wait']) {
      console.log(
        'Removed the previous runs; waiting 65 s so that their freed inodes do not slow this one (see bench()).',
      );
      await sleep(65_000);
    }
  }
  mkdirSync(RUNS, { recursive: true });
  console.log(
    `Build benchmark on ${process.platform} ${process.arch}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}; one process per stage.`,
  );
  const opts = { stages: !values['no-stages'], baseline: Boolean(values.baseline) };
  if (!shapes.length) {
    await bench('bundled study (content/study)', resolve('content/study'), opts);
    return;
  }
  for (const shape of shapes) {
    const results: { n: number; full: Measure; mb: number }[] = [];
    for (const [i, n] of shape.sizes.entries()) {
      const dir = join(WORK, `study-${shape.label.split(' ')[0]}-${n}`);
      const files = syntheticStudy({
        excerpts: n,
        ...shape.options,
        ...(shape.textMb ? { textMb: shape.textMb[i] } : {}),
      });
      writeSyntheticStudy(dir, files);
      const mb = Buffer.byteLength(files.excerpts!) / 1e6;
      const last = i === shape.sizes.length - 1;
      const r = await bench(`${shape.label}: ${n} excerpts, ${mb.toFixed(1)} MB excerpts.csv (seed 42)`, dir, {
        ...opts,
        baseline: opts.baseline && last,
      });
      results.push({ n, full: r.full, mb });
    }
    for (let i = 1; i < results.length; i++) {
      const [a, b] = [results[0], results[i]];
      console.log(
        `  ${b.n}/${a.n} excerpts: time ratio ${(b.full.seconds / a.full.seconds).toFixed(1)}, peak memory ratio ${(b.full.peakMb / a.full.peakMb).toFixed(1)}, for a size ratio of ${(b.n / a.n).toFixed(1)}`,
      );
    }
  }
}

main(process.argv.slice(2)).catch((e) => {
  // A bad command line is told in a sentence; anything else with its stack.
  console.error(e instanceof UsageError ? e.message : e);
  process.exitCode = e instanceof UsageError ? 2 : 1;
});
