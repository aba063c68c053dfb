import type { Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { giveWay } from './rehype-narrative-ids.ts';

const tree = (...ids: string[]): Root => ({
  type: 'root',
  children: ids.map((id) => ({ type: 'element', tagName: 'h2', properties: { id }, children: [] })),
});
const ids = (t: Root) => t.children.map((c) => (c.type === 'element' ? c.properties.id : undefined));

describe('a narrative heading giving way to the page', () => {
  it('renames only the headings whose id the page reserves, to the first free number', () => {
    const t = tree('efficiency-gains', 'why-it-matters', 'efficiency-gains-1');
    giveWay(t, ['efficiency-gains', 'main']);
    // "efficiency-gains-1" is the narrative's own: the renamed heading takes -2, not its id.
    expect(ids(t)).toEqual(['efficiency-gains-2', 'why-it-matters', 'efficiency-gains-1']);
  });
});
