/**
 * One build at a time per output folder: a live holder refuses a second build with a clear
 * message; after a holder that died, the next build ends its children, removes its staging
 * folders and puts a half-swapped site back.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { acquireBuildLock, type LockInfo, lockedMessage } from './build-lock.ts';
import { spawnGroup } from './child-group.ts';

const outDir = () => join(mkdtempSync(join(tmpdir(), 'build-lock-')), 'dist');
/** The id of a process that has exited. */
const deadPid = () => spawnSync('true').pid!;
const writeLock = (out: string, info: Partial<LockInfo>) =>
  writeFileSync(
    `${out}.lock`,
    JSON.stringify({ pid: deadPid(), started: '2026-01-01T00:00:00.000Z', folders: [], groups: [], ...info }),
  );

describe('the build lock', () => {
  it('is refused to a second build while the first holds it, naming the holder and the lock file', () => {
    const out = outDir();
    const first = acquireBuildLock(out);
    expect('lock' in first).toBe(true);
    const second = acquireBuildLock(out);
    expect('heldBy' in second && second.heldBy.pid).toBe(process.pid);
    if (!('heldBy' in second)) return;
    expect(lockedMessage(second.path, second.heldBy)).toMatch(
      new RegExp(
        `^Not building: another build \\(process ${process.pid}, started .*\\) is writing to the same output folder; wait for it to finish and run again \\(if no build is running, delete ${out}\\.lock\\)$`,
      ),
    );
    if ('lock' in first) first.lock.release();
    expect('lock' in acquireBuildLock(out)).toBe(true);
  });

  it('records staging folders and process groups in the lock file', () => {
    const out = outDir();
    const taken = acquireBuildLock(out);
    if (!('lock' in taken)) throw new Error('not taken');
    taken.lock.record({ folders: [`${out}.staging-x`] });
    taken.lock.record({ groups: [42] });
    expect(JSON.parse(readFileSync(`${out}.lock`, 'utf8'))).toMatchObject({
      pid: process.pid,
      folders: [`${out}.staging-x`],
      groups: [42],
    });
    taken.lock.release();
    expect(existsSync(`${out}.lock`)).toBe(false);
  });

  it('after a build that died: removes its staging folders, ends its process groups, takes the lock', async () => {
    const out = outDir();
    const staging = `${out}.staging-1-dead`;
    mkdirSync(join(staging, 'excerpts'), { recursive: true });
    writeFileSync(join(staging, 'excerpts', 'index.html'), 'unredacted');
    let group = 0;
    spawnGroup('sleep', ['60'], {
      stdio: 'inherit',
      onGroup: (g) => {
        group = g;
      },
    });
    await sleep(200);
    writeLock(out, { folders: [staging], groups: [group] });
    const taken = acquireBuildLock(out);
    if (!('lock' in taken)) throw new Error('not taken');
    expect(taken.notes).toEqual([
      expect.stringMatching(new RegExp(`^ended process group ${group}, left running by build \\d+$`)),
      expect.stringMatching(/^removed .*staging-1-dead, left by build \d+ that did not finish$/),
    ]);
    expect(existsSync(staging)).toBe(false);
    // Gone once the system has reaped it (poll: a busy machine takes its time).
    const gone = async () => {
      for (let i = 0; i < 100; i++, await sleep(50)) {
        try {
          process.kill(-group, 0);
        } catch {
          return true;
        }
      }
      return false;
    };
    expect(await gone()).toBe(true);
    taken.lock.release();
  });

  it('never ends a process group that a guard does not lead (its number may have been reused)', () => {
    const out = outDir();
    writeLock(out, { groups: [process.pid] }); // this test process: no guard
    const taken = acquireBuildLock(out);
    expect('lock' in taken && taken.notes).toEqual([]);
    if ('lock' in taken) taken.lock.release();
  });

  it('removes per-run folders of builds no longer running, and keeps those of running ones', () => {
    const out = outDir();
    const dead = `${out}.staging-${deadPid()}-a1b2`;
    const live = `${out}.search-${process.ppid}-c3d4`;
    mkdirSync(dead);
    mkdirSync(live);
    const taken = acquireBuildLock(out);
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(live)).toBe(true);
    if ('lock' in taken) taken.lock.release();
  });

  it('puts the previous site back when a build died between moving it aside and moving the new one in', () => {
    const out = outDir();
    mkdirSync(`${out}.old`);
    writeFileSync(join(`${out}.old`, 'index.html'), 'previous site');
    writeLock(out, {});
    const taken = acquireBuildLock(out);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('previous site');
    if ('lock' in taken) taken.lock.release();
  });

  it('removes the run folders of builds no longer running, whatever their output folder, and keeps the others', () => {
    const runs = mkdtempSync(join(tmpdir(), 'runs-'));
    const dead = join(runs, `${deadPid()}-0a1b2c3d`);
    const mine = join(runs, `${process.pid}-0a1b2c3d`);
    const only = join(runs, 'only-0123456789ab');
    for (const folder of [dead, mine, only]) mkdirSync(join(folder, 'generated'), { recursive: true });
    const taken = acquireBuildLock(outDir(), runs);
    if (!('lock' in taken)) throw new Error('not taken');
    taken.lock.release();
    expect(taken.notes).toEqual([
      `removed ${dead}, left by build ${dead.split('/').at(-1)!.split('-')[0]} that did not finish`,
    ]);
    expect([dead, mine, only].map(existsSync)).toEqual([false, true, true]);
  });
});
