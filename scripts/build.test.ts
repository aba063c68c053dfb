import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { run } from './build.ts';

describe('npm run build on a malformed study folder', () => {
  it('prints every problem, fails, and leaves the previous site untouched', async () => {
    const work = mkdtempSync(join(tmpdir(), 'broken-study-'));
    const study = join(work, 'study');
    cpSync('scripts/fixtures/tiny-study', study, { recursive: true });
    const excerpts = join(study, 'excerpts.csv');
    writeFileSync(
      excerpts,
      readFileSync(excerpts, 'utf8')
        .replace('E0003,P02,1,time-saved;less-paperwork', 'E0003,P02,1,time-saved;les-paperwork')
        .replace('E0006,P04', 'E0006,P44'),
    );
    const out = join(work, 'dist');
    mkdirSync(out);
    writeFileSync(join(out, 'index.html'), 'previous site');

    const errors: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((line: string) => {
      errors.push(line);
    });
    const ok = await run(['--study', study, '--out', out]);
    spy.mockRestore();

    expect(ok).toBe(false);
    expect(errors[0]).toMatch(/^Cannot build the site: 2 problems in /);
    expect(errors.slice(1).map((l) => l.replace(work, '<tmp>'))).toEqual([
      '  <tmp>/study/excerpts.csv:4 column "codes": unknown code "les-paperwork", expected a code id from codebook.yaml (did you mean "less-paperwork"?)',
      '  <tmp>/study/excerpts.csv:7 column "participant": unknown participant "P44", expected an id from participants.csv (did you mean "P04"?)',
    ]);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('previous site');
  });
});
