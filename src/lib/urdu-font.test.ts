/** The Urdu face cut to the glyphs of the texts it must draw: much smaller, and drawing them as the whole face does. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as hb from 'harfbuzzjs';
import subsetFont from 'subset-font';
import { describe, expect, it } from 'vitest';
import { OWN_CUTS_UP_TO, urduFiles, urduSubset } from './urdu-font';

const require = createRequire(import.meta.url);
const SOURCE = '@fontsource/noto-nastaliq-urdu/files/noto-nastaliq-urdu-arabic-400-normal.woff2';
const WHOLE = readFileSync(require.resolve(SOURCE));
// Illustrative sentences in Urdu, as an original reads: joined letters, dots, a Latin placeholder inside.
const TEXTS = [
  'رش والی رات میں برن آؤٹ کوئی لفظ نہیں، یہ تو موسم ہے۔ سچ پوچھیں تو یہی میرا خلاصہ ہے۔',
  'ایک بزرگ مریض آئے تھے۔ [a nearby locality] سے گاؤں کے لوگ انسان پر بھروسہ کرتے ہیں، مشین پر نہیں۔',
];

async function fontOf(woff2: Uint8Array): Promise<hb.Font> {
  const ttf = await subsetFont(Buffer.from(woff2), '', { keepAllGlyphs: true, targetFormat: 'truetype' });
  return new hb.Font(new hb.Face(new hb.Blob(new Uint8Array(ttf))));
}
/** What a reader sees of a shaped text: the outlines of its glyphs, where they are drawn. */
function drawing(font: hb.Font, text: string): string[] {
  const b = new hb.Buffer();
  b.addText(text);
  b.guessSegmentProperties();
  hb.shape(font, b);
  const at = b.getGlyphPositions();
  return b
    .getGlyphInfos()
    .map((g, i) => `${font.glyphToPath(g.codepoint)} @${at[i].xAdvance},${at[i].xOffset},` + `${at[i].yOffset}`);
}

describe('the Urdu face', () => {
  it('is a fraction of the whole face, half a cut by characters, and draws the texts as the whole face', async () => {
    const cut = await urduSubset(TEXTS);
    const byCharacters = await subsetFont(WHOLE, TEXTS.join(''), { targetFormat: 'woff2' });
    expect(cut.byteLength).toBeLessThan(WHOLE.byteLength / 4);
    expect(cut.byteLength).toBeLessThan(byCharacters.length / 2);
    const [whole, small] = await Promise.all([fontOf(WHOLE), fontOf(cut)]);
    for (const text of TEXTS) {
      expect(drawing(small, text)).toEqual(drawing(whole, text));
      for (const word of text.split(' ')) expect(drawing(small, word), word).toEqual(drawing(whole, word));
    }
  }, 60_000);

  it('keeps only the rules the texts reach: smaller than a cut of the same glyphs with all their rules', async () => {
    // Cut to the traced glyphs with every rule among them, these two texts took 20,516 bytes
    // (2026-12-02, before lookups and subtables were pruned); 12,936 after.
    const cut = await urduSubset(TEXTS);
    expect(cut.byteLength).toBeLessThan(16 * 1024);
  }, 60_000);
});

describe('the Urdu files to cut', () => {
  const originals = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `E${i}`, text: `متن ${i}` }));
  it('are none without originals', () => expect(urduFiles([])).toEqual([]));
  it('are one for all originals and one per original, up to the limit', () => {
    const files = urduFiles(originals(OWN_CUTS_UP_TO));
    expect(files.map((f) => f.id)).toEqual(['all', ...originals(OWN_CUTS_UP_TO).map((o) => o.id)]);
    expect(files[0].texts).toHaveLength(OWN_CUTS_UP_TO);
    expect(files[1].texts).toEqual(['متن 0']);
  });
  it('are only the shared cut past the limit, so that the cost does not grow with the originals', () => {
    const files = urduFiles(originals(3000));
    expect(files.map((f) => f.id)).toEqual(['all']);
    expect(files[0].texts).toHaveLength(3000);
  });
});
