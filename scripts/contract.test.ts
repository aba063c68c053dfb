/**
 * The content stage's output against the contract (src/contract/): what it generates for the
 * bundled and the tiny study passes, and output that breaks the contract stops the build with
 * every file and field named, before anything is written.
 */
import { describe, expect, it } from 'vitest';
import { checkGenerated } from '../src/contract/index.ts';
import { assertContract, buildContent } from './build-content.ts';
import { readStudyFolder } from './lib/study-files.ts';

const tiny = buildContent(readStudyFolder('scripts/fixtures/tiny-study')).generated;

describe('the generated files', () => {
  it.each([
    ['the tiny study', 'scripts/fixtures/tiny-study'],
    ['the bundled study', 'content/study'],
  ])('of %s meet the contract', (_name, dir) => {
    expect(checkGenerated(buildContent(readStudyFolder(dir)).generated)).toEqual([]);
  });

  it('that break the contract stop the build, naming every file and field', () => {
    const site = JSON.parse(tiny['site.json']);
    site.themes[0].count.participants = -1;
    delete site.totals.codes;
    site.release.citeAs = 1;
    const excerpts = JSON.parse(tiny['excerpts.json']);
    excerpts[1].speaker = 'Dr Canary';
    const broken: Record<string, string> = {
      ...tiny,
      'site.json': JSON.stringify(site),
      'excerpts.json': JSON.stringify(excerpts),
      'themes/speed.mdx': '---\ntitle: x\n---\n',
    };
    delete broken['tombstones.json'];
    expect(() => assertContract(broken)).toThrowErrorMatchingInlineSnapshot(`
      [Error: The content stage generated data the site cannot read (a bug in scripts/, not in the study folder):
        generated site.json field totals.codes: Invalid input: expected number, received undefined
        generated site.json field themes.0.count.participants: Too small: expected number to be >=0
        generated site.json field release.citeAs: Invalid input: expected string, received number
        generated excerpts.json field 1: Unrecognized key: "speaker"
        generated tombstones.json: missing
        generated themes/speed.mdx: has frontmatter; a narrative holds prose only]
    `);
  });

  it('pair each theme of site.json with its narrative, and each narrative with a theme', () => {
    const { 'themes/doubt.mdx': _doubt, ...rest } = tiny;
    expect(checkGenerated({ ...rest, 'themes/speeed.mdx': tiny['themes/speed.mdx'] })).toEqual([
      { file: 'site.json', path: 'themes.1.id', message: 'theme "doubt" has no narrative themes/doubt.mdx' },
      { file: 'themes/speeed.mdx', path: '', message: 'is the narrative of no theme in site.json' },
    ]);
  });

  it('that are not JSON are named too', () => {
    expect(checkGenerated({ ...tiny, 'releases.json': '[{' })).toEqual([
      { file: 'releases.json', path: '', message: expect.stringMatching(/^not JSON: /) },
    ]);
  });
});
