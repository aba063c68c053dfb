/**
 * The build's children end with the build, however it ends: after `kill -9` of the build (the
 * guard sees its pipe close) and on a normal exit (the exit hook ends the group).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { spawnGroup } from './child-group.ts';

/** What the stand-in build printed on stderr. */
const errors: string[] = [];

/** Starts the stand-in build; resolves with it and its child's process group once the group runs. */
async function startHarness(): Promise<{ harness: ChildProcess; group: number }> {
  const harness = spawn(process.execPath, ['scripts/fixtures/child-group/harness.ts'], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  harness.stderr!.on('data', (d) => {
    errors.push(String(d));
  });
  const group = await new Promise<number>((done, fail) => {
    harness.stdout!.on('data', (d) => {
      const m = /group (\d+)/.exec(String(d));
      if (m) done(Number(m[1]));
    });
    harness.on('exit', () => fail(new Error('harness exited early')));
  });
  return { harness, group };
}

const groupAlive = (group: number) => {
  try {
    process.kill(-group, 0);
    return true;
  } catch {
    return false;
  }
};

/** Waits up to `ms` for the group to be gone; true if it went. */
async function groupGone(group: number, ms = 5000): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(50)) if (!groupAlive(group)) return true;
  return false;
}

describe('child process groups', () => {
  it('run their command for as long as the build lives, and pass its exit code on', async () => {
    const started = Date.now();
    const child = spawnGroup('sh', ['-c', 'sleep 1; exit 7'], { stdio: 'inherit' });
    expect(await new Promise((done) => child.on('exit', done))).toBe(7);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('end when the build is killed with SIGKILL', async () => {
    const { harness, group } = await startHarness();
    await sleep(200); // the grandchild has started
    expect(groupAlive(group)).toBe(true);
    harness.kill('SIGKILL');
    expect(await groupGone(group)).toBe(true);
  });

  it('end when the build exits', async () => {
    const { harness, group } = await startHarness();
    await sleep(200);
    errors.length = 0;
    const exited = new Promise<number | null>((done) => harness.on('exit', done));
    harness.stdin!.write('exit\n');
    expect(await groupGone(group)).toBe(true);
    // With the exit code it chose, and no error from the exit hook (which once took the code for a list of groups).
    expect(await exited).toBe(3);
    expect(errors.join('')).toBe('');
  });
});
