/** Taguette and QualCoder CSV exports: documents become participants unless a mapping is given. */
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Codebook } from '../lib/schema.ts';
import { excerpts, fixture, rows, run } from './test-helpers.ts';

const shape = (files: Record<string, string>) =>
  (parse(files['codebook.yaml']) as Codebook).themes.map((t) => [
    t.id,
    t.colour,
    t.subthemes.map((s) => [s.id, s.codes.map((c) => `${c.id}: ${c.definition}`)]),
  ]);

describe('Taguette', () => {
  // Naive: one excerpt per row, so highlight 7 appears twice; the untagged highlight is kept uncoded.
  it('merges the rows of a highlight (one per tag), skips untagged highlights, reads the 1.x codebook', () => {
    const result = run(fixture('taguette/highlights.csv'), { codebook: fixture('taguette/codebook.csv') });
    expect(excerpts(result)).toEqual([
      ['EF29E2B12', 'P01', 'time-saved;workload', 'It saves me an hour, maybe more.'],
      ['E8E38D778', 'P02', 'distrust', 'I always check the output twice.'],
      ['E10F622E6', 'P03', 'time-saved', 'The evenings are mine again.'],
      ['ED94174EC', 'P04', 'workload', 'Two lines:\nthe second one.'],
    ]);
    expect(shape(result.files)).toEqual([
      [
        'ungrouped',
        '#0072B2',
        [
          [
            'ungrouped-codes',
            [
              'distrust: Doubt about whether the output is right',
              'time-saved: Time the tool freed',
              'workload: Volume of work, up or down',
            ],
          ],
        ],
      ],
    ]);
    expect(result.report).toContain('- highlight 15 of "interview_bilal.docx": it has no tag');
    expect(result.report).toContain('| P01 | interview_ayesha.docx | 1 |');
  });

  it('builds the hierarchy from the parent column of newer codebook exports', () => {
    const result = run(fixture('taguette/highlights.csv'), { codebook: fixture('taguette/codebook-with-parent.csv') });
    expect(shape(result.files).map(([id, , subs]) => [id, subs])).toEqual([
      [
        'workload',
        [
          [
            'workload-codes',
            [
              'workload-general: Passages coded with "workload" itself rather than with one of its codes.',
              'time-saved: Time the tool freed',
            ],
          ],
        ],
      ],
      ['ungrouped', [['ungrouped-codes', ['distrust: Doubt about whether the output is right']]]],
    ]);
    expect(excerpts(result)[0]).toEqual([
      'EF29E2B12',
      'P01',
      'workload-general;time-saved',
      'It saves me an hour, maybe more.',
    ]);
  });

  it('maps documents to participants with --participants, several documents to one person', () => {
    const result = run(fixture('taguette/highlights.csv'), { participants: fixture('taguette/mapping.csv') });
    expect(rows(result, 'participants.csv')).toEqual([
      { id: 'R1', specialty_group: 'Mental health' },
      { id: 'R2', specialty_group: 'Critical care' },
      { id: 'R3', specialty_group: 'Mental health' },
    ]);
    expect(rows(result, 'excerpts.csv').map((r) => [r.id, r.participant, r.position])).toEqual([
      ['EF29E2B12', 'R1', '1'],
      ['E8E38D778', 'R2', '1'],
      ['E10F622E6', 'R2', '2'],
      ['ED94174EC', 'R3', '1'],
    ]);
  });
});

describe('QualCoder', () => {
  // Naive: a header-keyed parser keeps one "Category" column, rejects the short rows of codes
  // with fewer categories (their variable cells shift left), and imports "image" as text.
  it('reads repeated Category columns, short rows, file variables, and skips image codings', () => {
    const result = run(fixture('qualcoder/coding-report.csv'));
    expect(excerpts(result)).toEqual([
      ['EEF56DDD5', 'P01', 'time-saved;less-paperwork', 'It saves me an hour.'],
      ['E174C6503', 'P02', 'distrust', 'I check everything twice.'],
      ['E082A1282', 'P03', 'training', 'Training was one afternoon,\nthen nothing.'],
    ]);
    expect(
      shape(result.files).map(([id, colour, subs]) => [
        id,
        colour,
        (subs as [string, string[]][]).map(([s, codes]) => [s, codes.map((c) => c.split(':')[0])]),
      ]),
    ).toEqual([
      ['benefits', '#0072B2', [['efficiency', ['time-saved', 'less-paperwork']]]],
      ['adoption', '#D55E00', [['adoption-codes', ['training']]]],
      ['ungrouped', '#009E73', [['ungrouped-codes', ['distrust']]]],
    ]);
    expect(rows(result, 'participants.csv')).toEqual([
      { id: 'P01', sector: 'Public' },
      { id: 'P02', sector: 'Private' },
      { id: 'P03', sector: 'Private' },
    ]);
    expect(result.report).toContain('- coding imid:2 of "P02.txt": images and audio/video are not imported');
    expect(result.report).toContain('1 coding memos were not imported');
  });
});
