/**
 * The generated theme MDX is the team's narrative under the do-not-edit line, nothing more (the
 * sections after it are src/components/ThemeSections.astro); the quotes it shows are listed so the
 * featured quotes leave them out.
 */
import { describe, expect, it } from 'vitest';
import { GENERATED_HEADER, narrativeQuotes, renderThemeMdx } from './render-theme-mdx.ts';

describe('renderThemeMdx', () => {
  it('writes the header and the narrative, trimmed, and nothing of the codebook', () => {
    expect(renderThemeMdx('\n\nParticipants said {`x`}.\n\n<Quote id="E0001" />\n\n\n')).toBe(
      `${GENERATED_HEADER}\n\nParticipants said {\`x\`}.\n\n<Quote id="E0001" />\n`,
    );
  });
});

describe('narrativeQuotes', () => {
  it("lists the excerpt ids of the narrative's quotes once each, in order, whichever quoting the id has", () => {
    const narrative =
      'Text.\n\n<Quote id="E0002" />\n\n<Quote id={"E0001"} lead="A lead." />\n\n<Quote  id=\'E0003\'/>\n\n<Quote id="E0002" />\n';
    expect(narrativeQuotes(narrative)).toEqual(['E0002', 'E0001', 'E0003']);
  });
  it('lists none for a narrative without quotes', () => {
    expect(narrativeQuotes('Only prose, with a word Quote in it.')).toEqual([]);
  });
});
