/**
 * Benchmarks the full build, stage by stage, each stage in its own process so that its time and
 * peak memory (max RSS, from GNU time) are its own.
 *
 *   npm run bench                      the bundled study
 *   npm run bench -- --synthetic 2000,20000   synthetic studies (fixed seed); prints the time ratio
 *
 * Needs /usr/bin/time (Debian package `time`). Writes only under .build/bench/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { syntheticStudy } from './lib/synthetic-study.ts';

const STAGES = ['content', 'astro', 'pagefind', 'scan', 'publish'] as const;
const WORK = resolve('.build/bench');

/** Time and peak memory of one stage. */
interface Measure { stage: string; seconds: number; peakMb: number }

function measureStage(stage: string, study: string, out: string): Measure {
  const stats = join(WORK, 'time.txt');
  const only = stage === 'full build' ? [] : ['--only', stage];
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', '-o', stats, process.execPath, 'scripts/build.ts', ...only, '--study', study, '--out', out],
    { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, CI: '1' } });
  if (r.status !== 0) throw new Error(`stage ${stage} failed for ${study}`);
  const [seconds, kb] = spawnSync('tail', ['-n1', stats]).stdout.toString().trim().split(' ').map(Number);
  return { stage, seconds, peakMb: Math.round(kb / 1024) };
}

/** Writes a study folder's texts to disk so the build can read it. */
function writeStudy(dir: string, files: ReturnType<typeof syntheticStudy>): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'themes'), { recursive: true });
  for (const name of ['study', 'codebook', 'quotes'] as const) writeFileSync(join(dir, `${name}.yaml`), files[name]!);
  for (const name of ['participants', 'excerpts'] as const) writeFileSync(join(dir, `${name}.csv`), files[name]!);
  for (const [id, text] of Object.entries(files.narratives)) writeFileSync(join(dir, 'themes', `${id}.mdx`), text);
}

/** Each stage alone (its own time and memory), then the whole build in one process, as `npm run build` runs it. */
function bench(label: string, study: string): number {
  const out = join(WORK, `dist-${label.replace(/[^a-z0-9]+/gi, '-')}`);
  rmSync(out, { recursive: true, force: true });
  const measures = STAGES.map((s) => measureStage(s, study, out));
  const sum = measures.reduce((n, m) => n + m.seconds, 0);
  rmSync(out, { recursive: true, force: true });
  const full = measureStage('full build', study, out);
  const row = (name: string, m: { seconds: number; peakMb: number }, note = '') => console.log(`  ${name.padEnd(11)} ${m.seconds.toFixed(1).padStart(7)} s  ${String(m.peakMb).padStart(6)} MB peak${note}`);
  console.log(`\n${label}`);
  for (const m of measures) row(m.stage, m);
  row('stages', { seconds: sum, peakMb: Math.max(...measures.map((m) => m.peakMb)) }, ' (one after another)');
  row('full build', full, ' (npm run build, one process)');
  return full.seconds;
}

function main(argv: string[]): void {
  if (!existsSync('/usr/bin/time')) throw new Error('npm run bench needs GNU time: apt-get install -y time');
  mkdirSync(WORK, { recursive: true });
  const sizes = argv.includes('--synthetic') ? argv[argv.indexOf('--synthetic') + 1].split(',').map(Number) : [];
  console.log(`Build benchmark on ${process.platform} ${process.arch}, Node ${process.version}; one process per stage.`);
  if (!sizes.length) { bench('bundled study (content/study)', resolve('content/study')); return; }
  const totals = sizes.map((n) => {
    const dir = join(WORK, `study-${n}`);
    writeStudy(dir, syntheticStudy({ excerpts: n }));
    return bench(`synthetic study, ${n} excerpts (seed 42)`, dir);
  });
  for (let i = 1; i < sizes.length; i++) {
    console.log(`\n${sizes[i]}/${sizes[0]} excerpts: time ratio ${(totals[i] / totals[0]).toFixed(1)} for a size ratio of ${(sizes[i] / sizes[0]).toFixed(1)}`);
  }
}

main(process.argv.slice(2));
