import { describe, expect, it } from 'vitest';
import { count, countOf, EXCERPT, PARTICIPANT } from './plural.ts';

describe('counts in English', () => {
  it('uses the singular for one and the plural for every other number, zero included', () => {
    expect([0, 1, 2, 21].map((n) => count(n, EXCERPT))).toEqual([
      '0 excerpts',
      '1 excerpt',
      '2 excerpts',
      '21 excerpts',
    ]);
  });

  it('lets the noun agree with the total in "n of total"', () => {
    expect(countOf(1, 1, PARTICIPANT)).toBe('1 of 1 participant');
    expect(countOf(0, 1, PARTICIPANT)).toBe('0 of 1 participant');
    expect(countOf(9, 22, PARTICIPANT)).toBe('9 of 22 participants');
  });

  it('writes large numbers with a thousands separator', () => {
    expect(count(22000, EXCERPT)).toBe('22,000 excerpts');
    expect(countOf(1250, 20000, PARTICIPANT)).toBe('1,250 of 20,000 participants');
  });
});
