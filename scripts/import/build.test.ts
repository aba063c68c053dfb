/** The imported folders pass the build's validation as they are, and a re-import loses nothing. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildContent } from '../build-content.ts';
import { readStudyFolder, replaceFolder } from '../lib/study-files.ts';
import type { InputFile } from './model.ts';
import { NARRATIVE_PLACEHOLDER } from './to-study-folder.ts';
import { fixture, run } from './test-helpers.ts';

const root = mkdtempSync(join(tmpdir(), 'import-build-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Imports into a folder on disk and returns it. */
function importTo(name: string, input: InputFile, options = {}): string {
  const dir = join(root, name);
  replaceFolder(dir, run(input, options).files);
  return dir;
}

describe('imported study folders', () => {
  it.each([
    ['cases', () => fixture('cases.qde')],
    ['taguette', () => fixture('taguette/highlights.csv')],
    ['qualcoder', () => fixture('qualcoder/coding-report.csv')],
  ])('%s passes buildContent', (name, input) => {
    const dir = importTo(name, input());
    const { generated } = buildContent(readStudyFolder(dir));
    expect(Object.keys(generated)).toContain('site.json');
    expect(new Set(Object.values(readStudyFolder(dir).narratives))).toEqual(new Set([NARRATIVE_PLACEHOLDER]));
  });

  it('is the same, byte for byte, when imported again', () => {
    expect(run(fixture('cases.qde')).files).toEqual(run(fixture('cases.qde')).files);
  });

  it('keeps study.yaml, quotes, redactions and narratives on a re-import, and still builds', () => {
    const dir = importTo('reimport', fixture('cases.qde'));
    const first = readStudyFolder(dir);
    const narrative =
      'Participants trusted AI with letters, not with patients.\n\n<Quote id="E5E1EC700000040008000000000000001" />\n';
    writeFileSync(join(dir, 'themes/trust.mdx'), narrative);
    writeFileSync(join(dir, 'quotes.yaml'), 'trust:\n  - excerpt: E5E1EC700000040008000000000000001\n');
    writeFileSync(join(dir, 'study.yaml'), first.study!.replace('title: "Cases Study"', 'title: "Trust and tension"'));
    // As the CLI does: the previous folder, and the ids of its codebook.
    const ids = [...first.codebook!.matchAll(/^\s*-?\s*id: (\S+)$/gm)].map((m) => m[1]);
    expect(ids).toContain('routine-tasks');
    const again = run(fixture('cases.qde'), { previous: readStudyFolder(dir), knownIds: ids });
    expect(again.files['codebook.yaml']).toBe(first.codebook);
    expect(again.files['themes/trust.mdx']).toBe(narrative);
    expect(again.files['quotes.yaml']).toContain('E5E1EC700000040008000000000000001');
    expect(again.files['study.yaml']).toContain('title: "Trust and tension"');
    expect(again.files['excerpts.csv']).toBe(first.excerpts);
    expect(again.summary.kept).toEqual([
      'study.yaml',
      'quotes.yaml',
      'redactions.yaml',
      'themes/trust.mdx',
      'themes/adoption.mdx',
    ]);
    replaceFolder(dir, again.files);
    expect(() => buildContent(readStudyFolder(dir))).not.toThrow();
  });
});
