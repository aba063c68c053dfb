import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Outcome, refreshContent, updateFolder, watchStudy } from './dev.ts';

let root: string;
let study: string;
let generated: string;
let stop: (() => void) | undefined;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'dev-watch-'));
  study = join(root, 'study');
  generated = join(root, 'generated');
  cpSync('scripts/fixtures/tiny-study', study, { recursive: true });
});
afterEach(() => {
  stop?.();
  rmSync(root, { recursive: true, force: true });
});

/** Starts watching; `next()` resolves with the outcome of the next run of the content stage. */
function watching() {
  const waiting: ((o: Outcome) => void)[] = [];
  stop = watchStudy({
    studyDir: study,
    generatedDir: generated,
    reportsDir: join(root, 'reports'),
    onOutcome: (o) => waiting.shift()?.(o),
  });
  return {
    next: () =>
      new Promise<Outcome>((done) => {
        waiting.push(done);
      }),
  };
}

describe('npm run dev: the watch on the study folder', () => {
  it('re-runs the content stage on a save, keeps the last good content on a mistake, and recovers on the fix', async () => {
    expect(refreshContent(study, generated, join(root, 'reports'))).toMatchObject({ ok: true });
    const { next } = watching();
    const narrative = join(study, 'themes/speed.mdx');

    let outcome = next();
    writeFileSync(narrative, `${readFileSync(narrative, 'utf8')}\nA sentence written just now.\n`);
    expect(await outcome).toEqual({ ok: true, changed: ['themes/speed.mdx'], warnings: [] });
    expect(readFileSync(join(generated, 'themes/speed.mdx'), 'utf8')).toContain('A sentence written just now.');

    const good = readFileSync(join(generated, 'excerpts.json'), 'utf8');
    const excerpts = join(study, 'excerpts.csv');
    const csv = readFileSync(excerpts, 'utf8');
    outcome = next();
    writeFileSync(excerpts, csv.replace('E0001,P01,1,time-saved,', 'E0001,P01,1,time-savd,'));
    const failed = await outcome;
    expect(failed.ok).toBe(false);
    expect(!failed.ok && failed.problems).toEqual([
      `${study}/excerpts.csv:2 column "codes": unknown code "time-savd", expected a code id from codebook.yaml (did you mean "time-saved"?)`,
      `${study}/quotes.yaml:2 speed.0.excerpt: excerpt "E0001" is not coded with theme "speed" (its codes: time-savd)`,
    ]);
    expect(readFileSync(join(generated, 'excerpts.json'), 'utf8')).toBe(good);

    outcome = next();
    writeFileSync(excerpts, csv.replace('gave me back an hour', 'gave me back two hours'));
    expect(await outcome).toEqual({ ok: true, changed: ['excerpts.json'], warnings: [] });
    expect(readFileSync(join(generated, 'excerpts.json'), 'utf8')).toContain('gave me back two hours');
  });
});

describe('updateFolder', () => {
  it('writes only what changed and removes files no longer generated', () => {
    const dir = join(root, 'out');
    expect(updateFolder(dir, { 'a.json': '1', 'themes/x.mdx': 'x' })).toEqual(['a.json', 'themes/x.mdx']);
    expect(updateFolder(dir, { 'a.json': '1', 'themes/y.mdx': 'y' })).toEqual(['themes/x.mdx', 'themes/y.mdx']);
    expect(updateFolder(dir, { 'a.json': '1', 'themes/y.mdx': 'y' })).toEqual([]);
  });
});
