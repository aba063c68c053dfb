/**
 * Whoever runs the build twice: two builds to the same output folder at once publish one complete
 * site (the second is refused while the first runs), and a build refused by the privacy scan
 * leaves no staging folder holding its unredacted pages, no lock, and the previous site as it was.
 * (Two builds to two folders at once: side-by-side.test.ts.)
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { run } from '../build.ts';
import { reportsDir } from '../lib/build-folders.ts';
import { listFiles } from '../lib/list-files.ts';

/** Output folders built here: their private reports are removed afterwards. */
const outs: string[] = [];
afterAll(() => {
  for (const out of outs) rmSync(reportsDir(out), { recursive: true, force: true });
});

describe('builds run twice', () => {
  it('a second build to the same folder while the first runs is refused; the first publishes a complete site', async () => {
    const work = mkdtempSync(join(tmpdir(), 'two-builds-'));
    // A participant with no excerpt: the downloads and the participants page must count the same people.
    const study = join(work, 'study');
    cpSync('scripts/fixtures/tiny-study', study, { recursive: true });
    writeFileSync(
      join(study, 'participants.csv'),
      `${readFileSync(join(study, 'participants.csv'), 'utf8').trimEnd()}\nP07,Pathology,Diagnostics,Public,4,Woman,Attock\n`,
    );
    const out = join(work, 'dist');
    outs.push(out);
    const first = run(['--study', study, '--out', out]);
    while (!existsSync(`${out}.lock`)) await sleep(20);
    const errors: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((line: string) => {
      errors.push(String(line));
    });
    let second: boolean;
    try {
      second = await run(['--study', study, '--out', out]);
    } finally {
      spy.mockRestore();
    }
    expect(second).toBe(false);
    // (The first build's content stage may print its own lines meanwhile.)
    expect(errors.find((l) => l.startsWith('Not building'))).toMatch(
      /^Not building: another build \(process \d+, started .*\) is writing to the same output folder/,
    );
    expect(await first).toBe(true);
    const files = listFiles(out);
    expect(files.some((f) => f.startsWith('_astro/'))).toBe(true);
    expect(files.some((f) => f.startsWith('pagefind/'))).toBe(true);
    expect(files).toContain('excerpts/E0001/index.html');
    expect(readdirSync(work).sort()).toEqual(['dist', 'study']);
    // /data/participants.csv and /participants/ count the same people.
    const rows = readFileSync(join(out, 'data', 'participants.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1);
    const lede = /(\d+) illustrative participants took part/.exec(
      readFileSync(join(out, 'participants', 'index.html'), 'utf8'),
    );
    expect(rows.map((r) => r.split(',')[0])).toEqual(['P01', 'P02', 'P03', 'P04', 'P05', 'P06', 'P07']);
    expect(Number(lede?.[1])).toBe(rows.length);
  }, 120_000);

  it('a build refused by the privacy scan leaves no staging folder, no lock, and the previous site', async () => {
    const work = mkdtempSync(join(tmpdir(), 'refused-scan-'));
    const study = join(work, 'study');
    cpSync('scripts/fixtures/tiny-study', study, { recursive: true });
    // The anonymiser replaces whole words only; the scan also finds the term inside a word.
    writeFileSync(
      join(study, 'redactions.yaml'),
      `${readFileSync(join(study, 'redactions.yaml'), 'utf8')}- term: Quokka\n  replacement: "[a place]"\n`,
    );
    const excerpts = join(study, 'excerpts.csv');
    writeFileSync(
      excerpts,
      readFileSync(excerpts, 'utf8').replace('back an hour every evening', 'back an hour every evening in Quokkaville'),
    );
    const out = join(work, 'dist');
    outs.push(out);
    mkdirSync(out);
    writeFileSync(join(out, 'index.html'), 'previous site');
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      expect(await run(['--study', study, '--out', out])).toBe(false);
    } finally {
      spy.mockRestore();
    }
    expect(readdirSync(work).sort()).toEqual(['dist', 'study']);
    expect(readdirSync(out)).toEqual(['index.html']);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('previous site');
  }, 120_000);

  /** Starts `node scripts/build.ts` on the tiny study; resolves once its Astro stage is writing pages. */
  async function startBuildProcess(out: string) {
    const child = spawn(
      process.execPath,
      ['scripts/build.ts', '--study', 'scripts/fixtures/tiny-study', '--out', out],
      { stdio: 'ignore' },
    );
    const exited = new Promise<number | null>((done) =>
      child.on('exit', (code, signal) => done(code ?? (signal ? -1 : null))),
    );
    const work = join(out, '..');
    let staging: string | undefined;
    while (!staging) {
      await sleep(100);
      const name = readdirSync(work).find((f) => f.startsWith('dist.staging-'));
      if (name && existsSync(join(work, name, '_astro'))) staging = join(work, name);
    }
    const { groups, folders } = JSON.parse(readFileSync(`${out}.lock`, 'utf8')) as {
      groups: number[];
      folders: string[];
    };
    outs.push(out);
    return { child, exited, staging, groups, folders };
  }
  const groupGone = async (group: number) => {
    for (let i = 0; i < 100; i++, await sleep(50)) {
      try {
        process.kill(-group, 0);
      } catch {
        return true;
      }
    }
    return false;
  };

  it('SIGTERM during the Astro stage: children ended, staging folders and lock removed, nothing published', async () => {
    const work = mkdtempSync(join(tmpdir(), 'sigterm-build-'));
    const out = join(work, 'dist');
    const { child, exited, groups, folders } = await startBuildProcess(out);
    child.kill('SIGTERM');
    expect(await exited).toBe(143);
    for (const g of groups) expect(await groupGone(g), `group ${g}`).toBe(true);
    expect(readdirSync(work)).toEqual([]);
    // Its run folder too (Astro's root, with the generated content), under .build/runs/.
    expect(folders.filter((f) => f.includes('/.build/runs/'))).toHaveLength(1);
    expect(folders.filter((f) => existsSync(f))).toEqual([]);
  }, 120_000);

  it('kill -9 during the Astro stage: its children end at once, and the next build removes its staging folder and publishes its own site', async () => {
    const work = mkdtempSync(join(tmpdir(), 'sigkill-build-'));
    const out = join(work, 'dist');
    const { child, exited, staging, groups, folders } = await startBuildProcess(out);
    child.kill('SIGKILL');
    await exited;
    for (const g of groups) expect(await groupGone(g), `group ${g}`).toBe(true);
    expect(existsSync(staging)).toBe(true); // no code of the killed build ran
    const logs: string[] = [];
    const spy = vi.spyOn(console, 'log').mockImplementation((line: string) => {
      logs.push(String(line));
    });
    try {
      expect(await run(['--study', 'scripts/fixtures/tiny-study', '--out', out])).toBe(true);
    } finally {
      spy.mockRestore();
    }
    expect(logs).toContain(`[build] removed ${staging}, left by build ${child.pid} that did not finish`);
    const runFolder = folders.find((f) => f.includes('/.build/runs/'))!;
    expect(logs).toContain(`[build] removed ${runFolder}, left by build ${child.pid} that did not finish`);
    expect(readdirSync(work)).toEqual(['dist']);
    expect(listFiles(out)).toContain('excerpts/E0001/index.html');
  }, 180_000);
});
