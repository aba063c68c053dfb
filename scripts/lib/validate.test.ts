import { describe, expect, it } from 'vitest';
import { buildContent } from '../build-content.ts';
import { StudyError, formatProblem } from './problems.ts';
import { readStudyFolder, type StudyFiles } from './study-files.ts';

const tiny = readStudyFolder('scripts/fixtures/tiny-study');

/** The tiny fixture with some files' texts changed. */
function variant(change: (f: StudyFiles) => Partial<StudyFiles>): StudyFiles {
  return { ...tiny, ...change(tiny) };
}

/** The problems buildContent reports for a study folder, formatted as the CLI prints them. */
function problemsOf(files: StudyFiles): string[] {
  try {
    buildContent(files);
  } catch (e) {
    if (e instanceof StudyError) return e.problems.map(formatProblem);
    throw e;
  }
  return [];
}

describe('validation of a study folder', () => {
  it('accepts the tiny fixture', () => {
    expect(problemsOf(tiny)).toEqual([]);
  });

  it('reports every cross-reference problem at once, each with file, line, field, found and expected', () => {
    const files = variant((f) => ({
      excerpts: f
        .excerpts!.replace('E0003,P02,1,time-saved;less-paperwork', 'E0003,P02,1,time-saved;les-paperwork')
        .replace('E0005,P03,1', 'E0001,P03,1')
        .replace('E0008,P05,1', 'E0008,P55,1')
        .replace('"Fewer forms to fill by hand in the lab."', '"  "'),
      quotes: f.quotes!.replace('  - excerpt: E0009', '  - excerpt: E0008'),
      narratives: { speed: f.narratives.speed.replace('<Quote id="E0001" />', '<Quote id="E0100" />') },
    }));
    expect(problemsOf(files)).toMatchInlineSnapshot(`
      [
        "scripts/fixtures/tiny-study/excerpts.csv:4 column "codes": unknown code "les-paperwork", expected a code id from codebook.yaml (did you mean "less-paperwork"?)",
        "scripts/fixtures/tiny-study/excerpts.csv:6 column "id": duplicate excerpt id "E0001" (first used at line 2), expected each excerpt id once",
        "scripts/fixtures/tiny-study/excerpts.csv:9 column "text": found "  ", expected a non-empty text",
        "scripts/fixtures/tiny-study/quotes.yaml:7 doubt.1.excerpt: unknown excerpt "E0008", expected an id from excerpts.csv (did you mean "E0001"?)",
        "scripts/fixtures/tiny-study/themes/doubt.mdx: theme "doubt" has no narrative (expected this file)",
        "scripts/fixtures/tiny-study/themes/speed.mdx:3: <Quote id="E0100">: unknown excerpt, expected an id from excerpts.csv (did you mean "E0010"?)",
      ]
    `);
  });

  it('names an excerpt of an unknown participant and a quote not coded with its theme', () => {
    const files = variant((f) => ({
      excerpts: f.excerpts!.replace('E0010,P06,2', 'E0010,P60,2'),
      quotes: f.quotes!.replace('  - excerpt: E0009', '  - excerpt: E0010'),
    }));
    expect(problemsOf(files)).toMatchInlineSnapshot(`
      [
        "scripts/fixtures/tiny-study/excerpts.csv:11 column "participant": unknown participant "P60", expected an id from participants.csv (did you mean "P06"?)",
        "scripts/fixtures/tiny-study/quotes.yaml:7 doubt.1.excerpt: excerpt "E0010" is not coded with theme "doubt" (its codes: time-saved)",
      ]
    `);
  });

  it('reports malformed YAML and CSV with their lines, together with schema problems elsewhere', () => {
    const files = variant((f) => ({
      codebook: f.codebook!.replace('    colour: "#D55E00"', '    colour: "#D55E00\n  broken: [unclosed'),
      participants: f.participants!.replace(
        'P04,Radiology,Diagnostics,Private,3,Man,Attock',
        'P04,Radiology,"Diagnostics,Private,3,Man,Attock',
      ),
      study: f.study!.replace('year: 2024', 'year: last year'),
    }));
    expect(problemsOf(files)).toMatchInlineSnapshot(`
      [
        "scripts/fixtures/tiny-study/codebook.yaml:44: malformed YAML: Missing closing "quote (expected the closing quote or bracket)",
        "scripts/fixtures/tiny-study/participants.csv:5: a quoted field is never closed (expected a closing ")",
        "scripts/fixtures/tiny-study/participants.csv:5: found 3 fields, expected 7 as in the header",
        "scripts/fixtures/tiny-study/study.yaml:10 year: found "last year", expected a number",
      ]
    `);
  });

  it('names a publication date that is not a date and an unknown reportedIn, with their lines', () => {
    const files = variant((f) => ({
      study: f.study!.replace('year: 2024\n', 'year: 2024\npublished: 7 October 2025\nreportedIn: the abstract\n'),
    }));
    expect(problemsOf(files)).toMatchInlineSnapshot(`
      [
        "scripts/fixtures/tiny-study/study.yaml:11 published: found "7 October 2025", expected a date like 2025-10-07",
        "scripts/fixtures/tiny-study/study.yaml:12 reportedIn: found "the abstract", expected Invalid option: expected one of "article"|"abstract"",
      ]
    `);
  });

  it('refuses shown attributes that are not columns, and combinations shared by fewer than k participants', () => {
    const unknown = variant((f) => ({
      study: f.study!.replace('[specialty_group, experience_band]', '[specialty_grop]'),
    }));
    expect(problemsOf(unknown)).toMatchInlineSnapshot(`
      [
        "scripts/fixtures/tiny-study/study.yaml privacy.shownAttributes: unknown attribute "specialty_grop", expected a column of participants.csv (did you mean "specialty_group"?)",
      ]
    `);
  });

  it('fails a study whose attributes pass k one by one but not as a pair (both are linked to each pseudonym)', () => {
    // specialty_group: 3 + 3 participants, sector: 3 + 3, but the four pairs hold 2, 1, 2 and 1.
    const linkable = variant((f) => ({
      study: f.study!.replace('[specialty_group, experience_band]', '[specialty_group, sector]'),
    }));
    expect(problemsOf(linkable)).toMatchInlineSnapshot(`
      [
        "scripts/fixtures/tiny-study/study.yaml privacy.shownAttributes: the combination Specialty group = Mental health, Sector = Public is shared by 2 participants (P01, P02), expected at least k = 3; show fewer attributes or coarser values, or set privacy.onSmallGroups: coarsen",
        "scripts/fixtures/tiny-study/study.yaml privacy.shownAttributes: the combination Specialty group = Mental health, Sector = Private is shared by 1 participant (P03), expected at least k = 3; show fewer attributes or coarser values, or set privacy.onSmallGroups: coarsen",
        "scripts/fixtures/tiny-study/study.yaml privacy.shownAttributes: the combination Specialty group = Diagnostics, Sector = Private is shared by 2 participants (P04, P06), expected at least k = 3; show fewer attributes or coarser values, or set privacy.onSmallGroups: coarsen",
        "scripts/fixtures/tiny-study/study.yaml privacy.shownAttributes: the combination Specialty group = Diagnostics, Sector = Public is shared by 1 participant (P05), expected at least k = 3; show fewer attributes or coarser values, or set privacy.onSmallGroups: coarsen",
      ]
    `);
  });

  it('coarsens instead where study.yaml asks for it, hiding the last attribute of small groups only', () => {
    const coarse = variant((f) => ({
      study: f.study!.replace(
        '[specialty_group, experience_band]',
        '[specialty_group, sector]\n  onSmallGroups: coarsen',
      ),
    }));
    const excerpts = JSON.parse(buildContent(coarse).generated['excerpts.json']) as {
      participant: string;
      descriptor: string;
    }[];
    const descriptors = Object.fromEntries(excerpts.map((e) => [e.participant, e.descriptor]));
    expect(descriptors).toEqual({
      P01: 'Mental health · Not shown',
      P02: 'Mental health · Not shown',
      P03: 'Mental health · Not shown',
      P04: 'Diagnostics · Not shown',
      P05: 'Diagnostics · Not shown',
      P06: 'Diagnostics · Not shown',
    });
  });

  describe('the k rule: every combination of shown values is shared by at least k participants', () => {
    // Two participants, P01 and P02: the excerpts of the others are given to P01.
    const two = (shown: string) =>
      variant((f) => ({
        study: f.study!.replace('[specialty_group, experience_band]', shown),
        participants: f
          .participants!.split('\n')
          .filter((line) => !/^P0[3-6],/.test(line))
          .join('\n'),
        excerpts: f.excerpts!.replace(/^(E\d+),P0[3-6],/gm, '$1,P01,'),
      }));

    it('refuses a study with fewer than k participants when no attribute is shown: everyone is one group', () => {
      expect(problemsOf(two('[]'))).toEqual([
        'scripts/fixtures/tiny-study/study.yaml privacy.k: the study has 2 participants (P01, P02), expected at least k = 3: with no attribute shown, everyone is one group, and every group must have at least k participants; add participants, or lower privacy.k knowing that a smaller group is easier to recognise',
      ]);
    });

    it('refuses it too when every value of a small group is hidden by coarsening', () => {
      expect(problemsOf(two('[sector]\n  onSmallGroups: coarsen'))).toEqual([
        'scripts/fixtures/tiny-study/study.yaml privacy.shownAttributes: the combination Sector = Not shown is shared by 2 participants (P01, P02), expected at least k = 3; show fewer attributes or coarser values, or set privacy.onSmallGroups: coarsen',
      ]);
    });

    it('accepts the same study with k = 2', () => {
      expect(problemsOf(variant(() => ({ ...two('[]'), study: two('[]').study!.replace('k: 3', 'k: 2') })))).toEqual(
        [],
      );
    });
  });

  it('rejects imports and unknown components in narratives', () => {
    const files = variant((f) => ({
      narratives: { ...f.narratives, doubt: 'import X from "y"\n\nText.\n\n<Chart id="a" />\n' },
    }));
    expect(problemsOf(files)).toMatchInlineSnapshot(`
      [
        "scripts/fixtures/tiny-study/themes/doubt.mdx:1: import and export are not allowed in narratives (components are provided by the site)",
        "scripts/fixtures/tiny-study/themes/doubt.mdx:5: unknown component <Chart>, expected one of <Quote>",
      ]
    `);
  });

  it('says which file is missing', () => {
    expect(problemsOf(variant(() => ({ excerpts: undefined })))).toContain(
      'scripts/fixtures/tiny-study/excerpts.csv: file not found (expected it in the study folder)',
    );
  });
});
