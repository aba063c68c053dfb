/** Search snippets: cuts marked with an ellipsis, Urdu runs apart from the English. */
import { describe, expect, it } from 'vitest';
import { cuts, parseExcerpt, scriptRuns } from './snippet.ts';

const plain = (html: string) => html.replace(/&amp;/g, '&');

describe('search snippets', () => {
  const content =
    'Our discharge summaries used to eat my evenings. Now the tool drafts them.\nاگر یہ غلط ہو تو ذمہ دار کون ہے۔';

  it('knows where a snippet cuts the excerpt', () => {
    expect(cuts('Our discharge summaries used to eat', content)).toEqual({ before: false, after: true });
    expect(cuts('used to eat my evenings.', content)).toEqual({ before: true, after: true });
    expect(cuts('the tool drafts them. اگر یہ غلط ہو تو ذمہ دار کون ہے۔', content)).toEqual({
      before: true,
      after: false,
    });
    expect(cuts(content, content)).toEqual({ before: false, after: false });
  });

  it('keeps the marks and splits the Urdu original into its own run, marks and all', () => {
    const pieces = parseExcerpt('drafts <mark>them</mark>. اگر یہ <mark>غلط</mark> ہو تو', plain);
    const runs = scriptRuns(pieces);
    expect(runs.map((r) => [r.rtl, r.pieces.map((p) => (p.mark ? `[${p.text}]` : p.text)).join('')])).toEqual([
      [false, 'drafts [them]. '],
      [true, 'اگر یہ [غلط] ہو تو'],
    ]);
  });
});
