import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findLeaks, wordsIn } from './find-leaks.ts';
import type { Redaction } from './schema.ts';

const redactions: Redaction[] = [
  { term: 'Asif Nawaz', replacement: '[a colleague]' },
  { term: 'Asif', replacement: '[a colleague]' },
  { term: 'الکریم', replacement: '[a hospital]' },
  { pattern: 'Dr\\.? Hina( Shah)?', replacement: '[a colleague]' },
  { pattern: '(Ward) \\1', replacement: '[a ward]' },
];
const text = (t: string, file = 'a.html') => ({ file, text: t, data: false });

describe('findLeaks', () => {
  it('finds every rule that matches a text, in any case, and nothing in clean texts', () => {
    const leaks = findLeaks(
      [
        text('<p>I told asif nawaz and DR. HINA SHAH</p>', 'one.html'),
        text('<p>A clean page about the ward and its doctors.</p>', 'clean.html'),
        text('<p>Near الکریم, in ward Ward</p>', 'two.html'),
      ],
      redactions,
      [],
    );
    expect(leaks.map((l) => `${l.file} ${l.rule} ${l.found}`).sort()).toEqual([
      'one.html redactions.yaml entry 1 asif nawaz',
      'one.html redactions.yaml entry 2 asif',
      'one.html redactions.yaml entry 4 DR. HINA SHAH',
      'two.html redactions.yaml entry 3 الکریم',
      'two.html redactions.yaml entry 5 ward Ward',
    ]);
  });

  it('runs a pattern with a backreference on its own, outside the combined pass', () => {
    expect(findLeaks([text('Ward Ward')], [redactions[4]], [])).toHaveLength(1);
    expect(findLeaks([text('Ward Room')], [redactions[4]], [])).toHaveLength(0);
  });

  it('applies detectors only to data texts and lets through the URLs the site publishes', () => {
    const texts = [
      { file: 'x.json', text: 'write to a@b.org or see https://doi.org/10.1/x', data: true },
      text('a@b.org'),
    ];
    expect(findLeaks(texts, [], ['https://doi.org/']).map((l) => `${l.file} ${l.rule}`)).toEqual([
      'x.json detector: e-mail address',
    ]);
  });
});

describe('wordsIn', () => {
  it('finds every listed word in a text, a word inside a longer one and words that overlap included', () => {
    const find = wordsIn(['asif', 'asifa', 'sif', 'nawaz', 'hospital', 'pita', 'absent']);
    // "asifa" starts where "asif" does, "sif" inside both; "pita" inside "hospital"; "nawaz" overlaps nothing.
    expect([...find('dr asifa at the hospital, nawaz')].sort()).toEqual([
      'asif',
      'asifa',
      'hospital',
      'nawaz',
      'pita',
      'sif',
    ]);
    expect([...find('no one here')]).toEqual([]);
  });

  it('property: returns exactly the listed words the text contains', () => {
    const letters = fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' '), maxLength: 5 });
    fc.assert(
      fc.property(
        fc.array(letters, { maxLength: 6 }),
        fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' '), maxLength: 40 }),
        (words, text) => {
          const listed = words.filter(Boolean);
          expect([...wordsIn(listed)(text)].sort()).toEqual(
            [...new Set(listed.filter((w) => text.includes(w)))].sort(),
          );
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('lets a term through the pre-check only when all its words are in the text', () => {
    const rules: Redaction[] = [{ term: 'Dr Kamran Chaudhry', replacement: '[a colleague]' }];
    // "Dr" is in "drug" and "hundred" on every page; the term is on one.
    const leaks = findLeaks(
      [
        text('a drug for a hundred patients, Kamran said', 'clean.html'),
        text('a drug, and then Dr\u00a0Kamran  Chaudhry', 'leak.html'),
      ],
      rules,
      [],
    );
    expect(leaks.map((l) => `${l.file} ${l.found}`)).toEqual(['leak.html Dr\u00a0Kamran  Chaudhry']);
  });
});
