import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { excerptById, excerptProblems, excerpts, excerptsFile } from './excerpts.ts';

const record = (id: string, text: string) => ({
  id,
  participant: 'P01',
  descriptor: 'Nurse',
  attributes: {},
  codes: ['a'],
  themes: ['t'],
  text,
});

describe('excerpts', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'excerpts-'));
    vi.stubEnv('EVIDENCE_GENERATED_DIR', dir);
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads excerpts.json of the generated folder, by id too', () => {
    writeFileSync(join(dir, 'excerpts.json'), JSON.stringify([record('E1', 'one'), record('E2', 'two')]));
    expect(excerptsFile()).toBe(join(dir, 'excerpts.json'));
    expect(excerpts().map((e) => e.text)).toEqual(['one', 'two']);
    expect(excerptById('E2')?.text).toBe('two');
    expect(excerptById('E3')).toBeUndefined();
  });

  it('reads the file again when it changes, and keeps the same list while it does not', () => {
    const file = join(dir, 'excerpts.json');
    writeFileSync(file, JSON.stringify([record('E1', 'before')]));
    const first = excerpts();
    expect(excerpts()).toBe(first);
    writeFileSync(file, JSON.stringify([record('E1', 'after, and longer')]));
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    expect(excerptById('E1')?.text).toBe('after, and longer');
    expect(excerpts()).not.toBe(first);
  });

  it('refuses a file that breaks the contract, naming every problem', () => {
    const bad = [record('E1', 'fine'), { ...record('E2', 'x'), codes: 'a' }, { ...record('E3', 'y'), extra: 1 }];
    writeFileSync(join(dir, 'excerpts.json'), JSON.stringify(bad));
    expect(() => excerpts()).toThrow(/does not hold to the contract/);
    const problems = excerptProblems('excerpts.json', bad);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^excerpts\.json: 1\.codes: /);
    expect(problems[1]).toMatch(/^excerpts\.json: 2: .*extra/);
  });
});
