/**
 * REFI-QDA quirks of real exports, one fixture each; every fixture is one a naive importer
 * would get wrong (see the comment on each test).
 */
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Codebook } from '../lib/schema.ts';
import { excerpts, FIXTURES, fixture, qdpx, rows, run, xmllint, xmllintAvailable } from './test-helpers.ts';

const shape = (files: Record<string, string>) =>
  (parse(files['codebook.yaml']) as Codebook).themes.map((t) => [
    t.id,
    t.colour,
    t.subthemes.map((s) => [s.id, s.codes.map((c) => c.id)]),
  ]);

describe('NVivo export', () => {
  // Naive: counting code points, keeping the byte-order mark or turning CRLF into LF shifts
  // every excerpt after the emoji; NVivo counts UTF-16 code units.
  it('reads positions in UTF-16 code units after a byte-order mark, with CRLF and emoji before the selections', () => {
    const result = run(qdpx('nvivo'));
    expect(excerpts(result)).toEqual([
      ['EC3A1E5F7', 'P01', 'time-saved;less-stress', 'it saves me an hour every evening.'],
      ['E7E2B9D41', 'P01', 'paperwork', 'The paperwork is lighter too'],
      ['EF04C8A26', 'P01', 'double-checking', 'I still check every line 😅.'],
    ]);
    expect(result.report).toContain(
      'Positions were counted in UTF-16 code units: the project\'s origin is "NVivo 14 (14.23.2)"',
    );
  });

  // Naive: one excerpt per selection (duplicates), or an id from the smallest GUID.
  it('merges the selections NVivo repeats once per code, with the id of the first GUID in document order', () => {
    const result = run(qdpx('nvivo'));
    const first = rows(result, 'excerpts.csv')[0];
    // c3a1e5f7-... comes first in the file; 0a7f3c5e-... repeats it with the second code.
    expect([first.id, first.codes, first.position]).toEqual(['EC3A1E5F7', 'time-saved;less-stress', '1']);
    expect(rows(result, 'excerpts.csv')).toHaveLength(3);
    expect(result.report).toContain(
      '2 selections repeated with the same source, start and end were merged into 1 excerpt;',
    );
  });

  it('lets --positions override the guess, and says which unit would fit', () => {
    expect(() => run(qdpx('nvivo'), { positions: 'codepoints' })).toThrow(
      /lie outside source "Interview 01" \(its text has 178 code points\); they would fit in UTF-16 code units: try --positions utf16/,
    );
  });
});

describe('archive layout', () => {
  // Naive: looks for `sources/` only.
  it('finds sources in a `Sources/` folder (any letter case)', () => {
    expect(excerpts(run(qdpx('capital-sources')))).toEqual([
      ['E2F6A8C0E', 'P01', 'not-consulted', 'Nobody asked the nurses first.'],
    ]);
  });

  // Naive: opens `project.qde` only.
  it('opens a .qde named after the project', () => {
    const result = run(qdpx('named-qde'));
    expect(excerpts(result)).toEqual([['E6D2F4A8C', 'P01', 'not-consulted', 'It feels like being watched.']]);
    expect(result.files['study.yaml']).toContain('title: "Ward Study"');
  });

  // Naive: getElementsByTagName('Project') misses `qda:Project`; the standard's namespace URI misses 1.6.
  it('matches elements by local name, whatever the namespace URI and prefix; braces in GUIDs are ignored', () => {
    const result = run(fixture('namespaces.qde'));
    expect(excerpts(result)).toEqual([['E9A1B3C5D', 'P01', 'trained-elsewhere', 'it does not know our patients.']]);
    expect(shape(result.files)).toEqual([['trust', '#CC79A7', [['local-fit', ['trained-elsewhere']]]]]);
  });

  // Naive: reads internal:// only. (The project is QualCoder's: ids come from the passages.)
  it('reads inline PlainTextContent, internal:// and relative:/// sources', () => {
    const external: Record<string, string> = {
      'transcripts/p3.txt': fixture('text-locations/external/transcripts/p3.txt').bytes.toString(),
    };
    const result = run(qdpx('text-locations/archive'), {
      readExternal: (path) => (external[path] === undefined ? undefined : new TextEncoder().encode(external[path])),
    });
    expect(excerpts(result)).toEqual([
      ['E96F7F813', 'P01', 'human-check', 'the pharmacist reads every AI suggestion aloud.'],
      ['EDFC37E51', 'P02', 'human-check', 'my supervisor signs every report the tool drafts.'],
      ['ED77AE6C4', 'P03', 'fallback', 'we switched the tool off during load-shedding.'],
    ]);
  });
});

describe('selections and codes', () => {
  // Naive: writes an empty excerpt, which the build rejects.
  it('skips zero-length and white-space selections, and reports them', () => {
    const result = run(fixture('zero-length.qde'));
    expect(excerpts(result)).toEqual([['EF6A7B8C9', 'P01', 'came-round', 'Now I use it every day.']]);
    expect(result.report).toContain(
      '- selection d4e5f6a7-0000-4000-8000-000000000001 (28-28) of "GP": it is empty (zero length)',
    );
    expect(result.report).toContain(
      '- selection e5f6a7b8-0000-4000-8000-000000000002 (25-28) of "GP": it holds only white space',
    );
  });

  // Naive: makes folders into codes, loses codes deeper than three levels, or drops codings
  // made on a parent node.
  it('uses isCodable="false" folders as structure, flattens deep codes, and keeps codings of parent nodes', () => {
    const result = run(fixture('folders.qde'));
    expect(shape(result.files)).toEqual([
      [
        'experiences',
        '#009E73',
        [
          ['benefits', ['time-saved', 'less-stress']],
          ['experiences-codes', ['mixed-feelings']],
        ],
      ],
      ['concerns', '#D55E00', [['concerns-codes', ['concerns-general', 'job-security', 'time-saved-2']]]],
      ['ungrouped', '#0072B2', [['ungrouped-codes', ['misc']]]],
    ]);
    expect(excerpts(result)).toEqual([
      ['E10000000', 'P01', 'time-saved', 'It saves me an hour.'],
      ['E20000000', 'P01', 'less-stress;mixed-feelings', 'I sleep better now. I am torn about it.'],
      ['E30000000', 'P01', 'concerns-general;job-security', 'They will cut posts.'],
      ['E40000000', 'P01', 'misc', 'Some days it is just another screen.'],
      ['E50000000', 'P01', 'time-saved-2', 'They will fill the hour with more patients.'],
    ]);
    expect(result.report).toContain('- folder "Experiences › Unused": it holds no codes');
    expect(result.report).toContain(
      'Codes below "Experiences › Benefits › Emotional" were flattened into subtheme "Benefits"',
    );
    expect(result.report).toContain('1 colour of codes that did not become themes was not kept');
  });
});

describe('participants', () => {
  // Naive: one participant per source, losing the focus group's speakers and the variables.
  // Pseudonyms follow the names in order, not the project's order, which changes between exports.
  it('come from Cases (by source or by selection) with Variables as attributes, else one per source', () => {
    const result = run(fixture('cases.qde'));
    expect(rows(result, 'participants.csv')).toEqual([
      { id: 'P01', specialty_group: 'Critical care', years_experience: '6', sector: 'Private' },
      { id: 'P02', specialty_group: 'Mental health', years_experience: '18', sector: 'Public' },
      { id: 'P03', specialty_group: '', years_experience: '', sector: 'Private' },
      { id: 'P04', specialty_group: 'Critical care', years_experience: '25', sector: 'Public' },
      { id: 'P05', specialty_group: 'Mental health', years_experience: '', sector: 'Public' },
    ]);
    expect(excerpts(result).map(([, p, c, t]) => [p, c, t])).toEqual([
      ['P01', 'alert-fatigue', 'The alerts never stop; I ignore most of them.'],
      ['P02', 'routine-tasks', 'I trust it for the routine letters.'],
      ['P03', 'accountability', 'Nobody told us who is responsible when it is wrong.'],
      ['P04', 'no-training', 'I learned it from YouTube at night.'],
      ['P05', 'no-training', 'We were never trained.'],
    ]);
    // Case names are real names here: the pseudonyms stand in for them, the report maps them.
    expect(result.report).toContain('| P02 | Dr Ayesha Khan | 1 |');
    expect(result.report).toContain('- PictureSource "Ward photo": only text sources are imported');
    expect(result.report).toContain('- case "Pilot interview": no coded passage belongs to it');
    expect(result.report).toContain(
      '- years_experience "about 10" of participant P05: it is not a whole number of years from 0 to 70',
    );
  });

  it('lengthens excerpt ids whose first 8 hex digits collide, independently of order', () => {
    // The fixture's selection GUIDs differ only in their last digits.
    expect(
      excerpts(run(fixture('cases.qde')))
        .map(([id]) => id)
        .sort(),
    ).toEqual([
      'E5E1EC700000040008000000000000001',
      'E5E1EC700000040008000000000000002',
      'E5E1EC700000040008000000000000003',
      'E5E1EC700000040008000000000000004',
      'E5E1EC700000040008000000000000005',
    ]);
  });
});

describe('fixtures', () => {
  // The fixtures are what real tools write: those in the standard's namespace validate.
  it.skipIf(!xmllintAvailable())('are valid REFI-QDA projects (Project.xsd)', () => {
    const files = [
      'nvivo/project.qde',
      'capital-sources/project.qde',
      'named-qde/Ward Study.qde',
      'text-locations/archive/project.qde',
      'zero-length.qde',
      'folders.qde',
      'cases.qde',
      'broken/project.qde',
    ];
    for (const f of files)
      expect(xmllint(`${FIXTURES}xsd/Project.xsd`, `${FIXTURES}${f}`)).toBe(`${FIXTURES}${f} validates`);
  });
});
