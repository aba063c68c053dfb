/**
 * `npm run build` while another build writes to the same output folder: refused at once with a
 * clear message, before reading the study, and the previous site is untouched.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { run } from './build.ts';

describe('npm run build while another build holds the output folder', () => {
  it('refuses with a message naming the other build and the lock file, and leaves the site untouched', async () => {
    const work = mkdtempSync(join(tmpdir(), 'locked-build-'));
    const out = join(work, 'dist');
    mkdirSync(out);
    writeFileSync(join(out, 'index.html'), 'previous site');
    const other = spawn('sleep', ['30']);
    writeFileSync(
      `${out}.lock`,
      JSON.stringify({ pid: other.pid, started: '2026-12-01T00:00:00.000Z', folders: [], groups: [] }),
    );
    const errors: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((line: string) => {
      errors.push(line);
    });
    try {
      // A study folder that does not exist: a build that got past the lock would report it.
      expect(await run(['--study', join(work, 'no-study'), '--out', out])).toBe(false);
    } finally {
      spy.mockRestore();
      other.kill();
    }
    expect(errors).toEqual([
      `Not building: another build (process ${other.pid}, started 2026-12-01T00:00:00.000Z) is writing to the same output folder; wait for it to finish and run again (if no build is running, delete ${out}.lock)`,
    ]);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('previous site');
    expect(readdirSync(work).sort()).toEqual(['dist', 'dist.lock']);
  });

  it('removes its lock and staging folders when the study folder is refused', async () => {
    const work = mkdtempSync(join(tmpdir(), 'refused-build-'));
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      expect(await run(['--study', join(work, 'no-study'), '--out', join(work, 'dist')])).toBe(false);
    } finally {
      spy.mockRestore();
    }
    expect(readdirSync(work)).toEqual([]);
  });
});
