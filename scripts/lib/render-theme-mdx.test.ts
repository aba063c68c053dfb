/** The generated theme page shows each quote once: featured quotes leave out those the narrative shows. */
import { describe, expect, it } from 'vitest';
import type { Derived } from './derive.ts';
import { renderThemeMdx } from './render-theme-mdx.ts';
import type { Theme } from './schema.ts';

const theme: Theme = {
  id: 'speed', label: 'Speed', colour: '#0072B2', definition: 'd', summary: 's', plainSummary: 'p',
  subthemes: [{ id: 'saved-time', label: 'Saved time', definition: 'd', codes: [{ id: 'code-0', label: 'Code', definition: 'd' }] }],
};
const one = { participants: 1, excerpts: 1 };
const derived: Derived = { counts: { speed: one, 'saved-time': one, 'code-0': one }, codePairs: [], themePairs: [], related: { speed: [] }, matrix: [] };
const quoteIds = (mdx: string) => [...mdx.matchAll(/<Quote id=\{?"([^"]+)"/g)].map((m) => m[1]);

describe('renderThemeMdx featured quotes', () => {
  it('leaves out a featured quote the narrative already shows', () => {
    const mdx = renderThemeMdx(theme, 'Text.\n\n<Quote id="E0001" />\n', [{ excerpt: 'E0001' }, { excerpt: 'E0002', lead: 'A lead.' }], derived, 3);
    expect(quoteIds(mdx)).toEqual(['E0001', 'E0002']);
  });
  it('drops the heading when every featured quote is in the narrative', () => {
    const mdx = renderThemeMdx(theme, 'Text.\n\n<Quote id={"E0001"} />\n', [{ excerpt: 'E0001' }], derived, 3);
    expect(mdx).not.toContain('## Featured quotes');
    expect(quoteIds(mdx)).toEqual(['E0001']);
  });
});
