import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { countsIfTicked, filterPayload, readState, stateToSearch } from './explorer-state.ts';

describe('the explorer state in the URL', () => {
  const groups = ['theme', 'code', 'sector', 'lang'];

  it('reads the query and repeated filter values, ignoring unknown parameters', () => {
    expect(readState('?q=second+opinion&theme=a&theme=b&sector=Public&utm=x', groups)).toEqual({
      q: 'second opinion',
      filters: { theme: ['a', 'b'], sector: ['Public'] },
    });
  });

  it('writes a stable query string that reads back to the same state', () => {
    const state = { q: ' trust ', filters: { theme: ['b', 'a'], sector: ['Public'], code: [] } };
    const search = stateToSearch(state);
    expect(search).toBe('q=trust&sector=Public&theme=a&theme=b');
    expect(readState(`?${search}`, groups)).toEqual({ q: 'trust', filters: { sector: ['Public'], theme: ['a', 'b'] } });
  });

  it('turns selections into Pagefind filters: any value within a group, empty groups dropped', () => {
    expect(filterPayload({ theme: ['a', 'b'], code: [] })).toEqual({ theme: { any: ['a', 'b'] } });
  });
});

/** Records with several values per group, as excerpts have (several themes and codes). */
type Rec = Record<string, string[]>;
const matches = (r: Rec, filters: Record<string, string[]>) =>
  Object.entries(filters).every(([g, vs]) => !vs.length || vs.some((v) => r[g]?.includes(v)));
/** Pagefind's counts: for each value, how many of the matching records carry it. */
function pagefindCounts(records: Rec[], filters: Record<string, string[]>) {
  const hits = records.filter((r) => matches(r, filters));
  const counts: Record<string, Record<string, number>> = {};
  for (const r of records) for (const [g, vs] of Object.entries(r)) for (const v of vs) (counts[g] ??= {})[v] ??= 0;
  for (const r of hits) for (const [g, vs] of Object.entries(r)) for (const v of vs) counts[g][v]++;
  return { n: hits.length, counts };
}

describe('filter counts under OR within a group', () => {
  const value = fc.constantFrom('a', 'b', 'c', 'd');
  const record = fc.record({
    theme: fc.uniqueArray(value, { minLength: 1, maxLength: 3 }),
    sector: fc.uniqueArray(fc.constantFrom('Public', 'Private'), { minLength: 1, maxLength: 1 }),
  });
  const selection = fc.record({
    theme: fc.uniqueArray(value, { maxLength: 3 }),
    sector: fc.uniqueArray(fc.constantFrom('Public', 'Private'), { maxLength: 1 }),
  });

  it('shows beside each unticked value the number of results ticking it gives, checked by brute force', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 30 }), selection, (records, filters) => {
        const { n, counts } = pagefindCounts(records, filters);
        const without = Object.fromEntries(
          Object.entries(filters)
            .filter(([, v]) => v.length)
            .map(([g]) => [g, pagefindCounts(records, { ...filters, [g]: [] }).counts[g] ?? {}]),
        );
        const shown = countsIfTicked(filters, n, counts, without);
        const selected: Record<string, string[]> = filters;
        for (const [g, values] of Object.entries(shown)) {
          for (const [v, count] of Object.entries(values)) {
            const ticked = selected[g];
            const expected = ticked.includes(v)
              ? records.filter((r) => matches(r, filters) && (r as Rec)[g].includes(v)).length
              : records.filter((r) => matches(r, { ...selected, [g]: [...ticked, v] })).length;
            expect(count, `${g}=${v}`).toBe(expected);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
