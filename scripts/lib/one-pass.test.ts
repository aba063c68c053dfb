import { describe, expect, it } from 'vitest';
import { createRedactor } from './anonymize.ts';
import { canJoin, joinSources } from './one-pass.ts';

describe('joining redaction expressions into one pass', () => {
  it('joins lookarounds but not backreferences or named groups', () => {
    expect(canJoin('(?<![\\p{L}])Asif(?![\\p{L}])')).toBe(true);
    expect(canJoin('(?<=Dr )Hina')).toBe(true);
    expect(canJoin('(Ward) \\1')).toBe(false);
    expect(canJoin('(?<w>Ward) \\k<w>')).toBe(false);
  });

  it('matches exactly where one of the parts matches', () => {
    const any = joinSources(['Dr\\.? Hina', 'Al-Karim'], 'iu')!;
    expect(['dr hina came', 'near AL-KARIM'].map((t) => any.test(t))).toEqual([true, true]);
    expect(any.test('Dr Hamid at Karim Road')).toBe(false);
    expect(joinSources([], 'iu')).toBeUndefined();
  });

  it('still lets the anonymizer redact with a backreference entry beside joinable ones', () => {
    const redact = createRedactor([
      { term: 'Asif', replacement: '[a colleague]' },
      { pattern: '(Ward) \\1', replacement: '[a ward]' },
    ]);
    expect(redact('In Ward Ward with Asif').text).toBe('In [a ward] with [a colleague]');
    expect(redact('A clean text').replacements).toEqual([]);
  });
});
