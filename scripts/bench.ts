/**
 * Benchmarks the full build, stage by stage, each stage in its own process, then the whole build
 * as `npm run build` runs it. Time is wall-clock; peak memory is the largest sum of the resident
 * memory of the build and every process it started (Astro, Pagefind), sampled from /proc every
 * 50 ms, so processes that run side by side count together.
 *
 *   npm run bench                      the bundled study
 *   npm run bench -- --synthetic 2000,20000   synthetic studies (fixed seed); prints the time ratio
 *
 * Linux only (reads /proc). Writes only under .build/bench/.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { syntheticStudy } from './lib/synthetic-study.ts';

const STAGES = ['content', 'astro', 'pagefind', 'scan', 'publish'] as const;
const WORK = resolve('.build/bench');
const RUNS = join(WORK, 'runs');

/** Time and peak memory of one stage. */
interface Measure { stage: string; seconds: number; peakMb: number }

/** Resident memory of a process and all its descendants, in kB (0 once it has exited). */
function treeRssKb(pid: number): number {
  let kb = 0;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    kb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      for (const child of readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean)) kb += treeRssKb(Number(child));
    }
  } catch { /* the process ended while being read */ }
  return kb;
}

async function measureStage(stage: string, study: string, out: string): Promise<Measure> {
  const only = stage === 'full build' ? [] : ['--only', stage];
  const start = performance.now();
  const child = spawn(process.execPath, ['scripts/build.ts', ...only, '--study', study, '--out', out],
    { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, CI: '1' } });
  let peakKb = 0;
  const sampler = setInterval(() => { peakKb = Math.max(peakKb, treeRssKb(child.pid!)); }, 50);
  const code = await new Promise<number | null>((done) => child.on('exit', done));
  clearInterval(sampler);
  if (code !== 0) throw new Error(`stage ${stage} failed for ${study}`);
  return { stage, seconds: (performance.now() - start) / 1000, peakMb: Math.round(peakKb / 1024) };
}

/** Writes a study folder's texts to disk so the build can read it. */
function writeStudy(dir: string, files: ReturnType<typeof syntheticStudy>): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'themes'), { recursive: true });
  for (const name of ['study', 'codebook', 'quotes', 'redactions'] as const) writeFileSync(join(dir, `${name}.yaml`), files[name]!);
  for (const name of ['participants', 'excerpts'] as const) writeFileSync(join(dir, `${name}.csv`), files[name]!);
  for (const [id, text] of Object.entries(files.narratives)) writeFileSync(join(dir, 'themes', `${id}.mdx`), text);
}

/**
 * Each stage alone (its own time and memory), then the whole build, each into a folder of its own.
 * Nothing is deleted between runs: this disk's ext4 has no journal, and on such a file system
 * a new file does not take an inode freed in the last 60 s (300 s more while its inode table
 * block is not yet written back; ext4's recently_deleted()): it skips over each of them, which
 * after deleting a built site added up to 30 s of system time to the next build here. Old runs
 * are removed, and the benchmark waits 65 s, before the first measurement.
 */
async function bench(label: string, study: string): Promise<number> {
  const slug = label.replace(/[^a-z0-9]+/gi, '-');
  const measures: Measure[] = [];
  for (const s of STAGES) measures.push(await measureStage(s, study, join(RUNS, `${slug}stages`)));
  const sum = measures.reduce((n, m) => n + m.seconds, 0);
  const full = await measureStage('full build', study, join(RUNS, `${slug}full`));
  const row = (name: string, m: { seconds: number; peakMb: number }, note = '') => console.log(`  ${name.padEnd(11)} ${m.seconds.toFixed(1).padStart(7)} s  ${String(m.peakMb).padStart(6)} MB peak${note}`);
  console.log(`\n${label}`);
  for (const m of measures) row(m.stage, m);
  row('stages', { seconds: sum, peakMb: Math.max(...measures.map((m) => m.peakMb)) }, ' (one after another)');
  row('full build', full, ' (npm run build: Pagefind indexes while Astro builds)');
  return full.seconds;
}

async function main(argv: string[]): Promise<void> {
  if (process.platform !== 'linux') throw new Error('npm run bench reads memory from /proc: it runs on Linux');
  if (existsSync(RUNS)) {
    rmSync(RUNS, { recursive: true, force: true });
    console.log('Removed the previous runs; waiting 65 s so that their freed inodes do not slow this one (see bench()).');
    await sleep(65_000);
  }
  mkdirSync(RUNS, { recursive: true });
  const sizes = argv.includes('--synthetic') ? argv[argv.indexOf('--synthetic') + 1].split(',').map(Number) : [];
  console.log(`Build benchmark on ${process.platform} ${process.arch}, Node ${process.version}; one process per stage.`);
  if (!sizes.length) { await bench('bundled study (content/study)', resolve('content/study')); return; }
  const totals: number[] = [];
  for (const n of sizes) {
    const dir = join(WORK, `study-${n}`);
    writeStudy(dir, syntheticStudy({ excerpts: n }));
    totals.push(await bench(`synthetic study, ${n} excerpts (seed 42)`, dir));
  }
  for (let i = 1; i < sizes.length; i++) {
    console.log(`\n${sizes[i]}/${sizes[0]} excerpts: time ratio ${(totals[i] / totals[0]).toFixed(1)} for a size ratio of ${(sizes[i] / sizes[0]).toFixed(1)}`);
  }
}

main(process.argv.slice(2)).catch((e) => { console.error(e); process.exitCode = 1; });
