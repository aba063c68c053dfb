import { describe, expect, it } from 'vitest';
import { filterPayload, readState, stateToSearch } from './explorer-state.ts';

describe('the explorer state in the URL', () => {
  const groups = ['theme', 'code', 'sector', 'lang'];

  it('reads the query and repeated filter values, ignoring unknown parameters', () => {
    expect(readState('?q=second+opinion&theme=a&theme=b&sector=Public&utm=x', groups))
      .toEqual({ q: 'second opinion', filters: { theme: ['a', 'b'], sector: ['Public'] } });
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
