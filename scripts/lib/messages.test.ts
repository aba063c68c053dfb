/**
 * Error messages say what was found and what was expected, once: a header-only excerpts.csv is
 * named (not reported as every quote's unknown excerpt), a missing column is one error (not one
 * per row), and unknown ids, duplicates and bad YAML say what was expected.
 */
import { describe, expect, it } from 'vitest';
import { buildContent } from '../build-content.ts';
import { StudyError, formatProblem } from './problems.ts';
import { readStudyFolder, type StudyFiles } from './study-files.ts';

const tiny = readStudyFolder('scripts/fixtures/tiny-study');
function problemsOf(change: Partial<StudyFiles>): string[] {
  try {
    buildContent({ ...tiny, ...change });
  } catch (e) {
    if (e instanceof StudyError) return e.problems.map(formatProblem);
    throw e;
  }
  return [];
}
const header = tiny.excerpts!.split('\n')[0];

describe('error messages', () => {
  it('a header-only excerpts.csv: one problem naming that file, not one per quote citing an excerpt', () => {
    expect(problemsOf({ excerpts: `${header}\n` })).toEqual([
      'scripts/fixtures/tiny-study/excerpts.csv:1: the file has a header row only, expected at least one row under it',
    ]);
  });

  it('a missing column: one problem, not one per row, with the likely misspelling', () => {
    expect(problemsOf({ excerpts: tiny.excerpts!.replace(header, header.replace('codes', 'kodes')) })).toEqual([
      'scripts/fixtures/tiny-study/excerpts.csv:1: missing column "codes", expected a header with the columns id,participant,codes,text (found id,participant,position,kodes,text,original_lang,original_text); "kodes" in the header may be a misspelling of it',
    ]);
    expect(problemsOf({ participants: tiny.participants!.replace(/^id,/, 'ident,') })).toHaveLength(1);
  });

  it('an unknown column: one problem naming the columns expected', () => {
    expect(
      problemsOf({ excerpts: tiny.excerpts!.replace(header, header.replace('original_text', 'orignal_text')) }),
    ).toEqual([
      'scripts/fixtures/tiny-study/excerpts.csv:1: unknown column "orignal_text", expected only the columns id,participant,position,codes,text,original_lang,original_text (did you mean "original_text"?)',
    ]);
  });

  it('duplicates and unknown ids say what was expected', () => {
    expect(
      problemsOf({
        participants: tiny.participants!.replace('P02,', 'P01,'),
        excerpts: tiny.excerpts!.replace('E0002,P01', 'E0001,P01').replace('E0004,P02', 'E0004,P01'),
        quotes: tiny.quotes!.replace('excerpt: E0003', 'excerpt: E0333').replace('doubt:', 'dout:'),
      }),
    ).toEqual([
      'scripts/fixtures/tiny-study/excerpts.csv:3 column "id": duplicate excerpt id "E0001" (first used at line 2), expected each excerpt id once',
      'scripts/fixtures/tiny-study/excerpts.csv:4 column "participant": unknown participant "P02", expected an id from participants.csv (did you mean "P01"?)',
      'scripts/fixtures/tiny-study/participants.csv:3 column "id": duplicate participant id "P01" (first used at line 2), expected each participant once',
      'scripts/fixtures/tiny-study/quotes.yaml:4 speed.1.excerpt: unknown excerpt "E0333", expected an id from excerpts.csv (did you mean "E0003"?)',
      'scripts/fixtures/tiny-study/quotes.yaml:6 dout: unknown theme "dout", expected a theme id from codebook.yaml (did you mean "doubt"?)',
    ]);
  });

  it('bad YAML says what was expected, one problem per line', () => {
    expect(
      problemsOf({ study: tiny.study!.replace('journal: Journal of Fixtures', 'journal: "Journal of Fixtures') }),
    ).toEqual([
      'scripts/fixtures/tiny-study/study.yaml:35: malformed YAML: Missing closing "quote (expected the closing quote or bracket)',
    ]);
    const tabbed = problemsOf({ codebook: tiny.codebook!.replace(/\n/, '\n\t') });
    expect(tabbed[0]).toBe(
      'scripts/fixtures/tiny-study/codebook.yaml:2: malformed YAML: Tabs are not allowed as indentation (expected indentation with spaces, not tabs)',
    );
    const lines = tabbed.map((p) => p.split(':')[1]);
    expect(new Set(lines).size).toBe(lines.length);
    for (const p of tabbed) expect(p).toMatch(/\(expected .+\)$/);
  });
});
