/** The three-way merge of codebook.yaml, field by field, with and without a record. */
import { describe, expect, it } from 'vitest';
import type { Codebook } from '../lib/schema.ts';
import { PLACEHOLDER } from './codebook-map.ts';
import { mergeCodebook } from './merge-codebook.ts';
import type { RecordNode } from './record.ts';

const book = (label: string, definition: string, colour?: string): Codebook => ({
  themes: [
    {
      id: 'trust',
      label: 'Trust',
      colour: colour as string,
      definition: 'Trust in the tool',
      summary: PLACEHOLDER.summary,
      plainSummary: PLACEHOLDER.plainSummary,
      subthemes: [
        { id: 'checks', label: 'Checks', definition: 'Checking', codes: [{ id: 'twice', label, definition }] },
      ],
    },
  ],
});
const base: Record<string, RecordNode> = {
  trust: { kind: 'theme', key: 'k1', label: 'Trust', definition: 'Trust in the tool', colour: '#0072B2' },
  checks: { kind: 'subtheme', key: 'k2', label: 'Checks', definition: 'Checking', parent: 'trust' },
  twice: { kind: 'code', key: 'k3', label: 'Twice', definition: PLACEHOLDER.definition, parent: 'checks' },
};

describe('mergeCodebook', () => {
  it("takes the tool's change of a field the team left alone, keeps the team's, and flags both changing", () => {
    const ours = book('Checking twice', 'Reads it twice.', '#0072B2');
    const theirs = book('Twice', 'Checks twice', '#D55E00');
    const m = mergeCodebook(base, ours, theirs);
    const code = m.codebook.themes[0].subthemes[0].codes[0];
    expect([code.label, code.definition, m.codebook.themes[0].colour]).toEqual([
      'Checking twice',
      'Reads it twice.',
      '#D55E00',
    ]);
    expect(m.changes.map((c) => `${c.id}.${c.field}: ${c.outcome}`)).toEqual([
      'trust.colour: tool',
      'twice.label: kept',
      'twice.definition: conflict',
    ]);
  });

  it('without a record, keeps what the team wrote and fills placeholders from the tool', () => {
    const ours = book('Checking twice', PLACEHOLDER.definition, '#0072B2');
    const m = mergeCodebook(undefined, ours, book('Twice', 'Checks twice'));
    const code = m.codebook.themes[0].subthemes[0].codes[0];
    expect([code.label, code.definition, m.codebook.themes[0].colour]).toEqual([
      'Checking twice',
      'Checks twice',
      '#0072B2',
    ]);
    expect(m.changes.map((c) => `${c.id}.${c.field}: ${c.outcome}`)).toEqual([
      'twice.label: kept',
      'twice.definition: tool',
    ]);
  });

  it('removes a code gone from the tool, keeping what the team wrote in it for the report', () => {
    const theirs: Codebook = {
      themes: [
        {
          ...book('Twice', 'x').themes[0],
          subthemes: [
            {
              id: 'checks',
              label: 'Checks',
              definition: 'Checking',
              codes: [{ id: 'other', label: 'Other', definition: 'y' }],
            },
          ],
        },
      ],
    };
    const m = mergeCodebook(base, book('Checking twice', 'Reads it twice.', '#0072B2'), theirs);
    expect(m.removed).toEqual([
      { id: 'twice', kind: 'code', written: { label: 'Checking twice', definition: 'Reads it twice.' } },
    ]);
    expect(m.codebook.themes[0].subthemes[0].codes.map((c) => c.id)).toEqual(['other']);
  });
});
