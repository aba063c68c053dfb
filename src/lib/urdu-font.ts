/**
 * The Urdu face, Noto Nastaliq Urdu (159 KB in woff2), cut at build time to the glyphs the study's
 * Urdu originals use. Nastaliq draws a word through long chains of contextual substitutions (GSUB),
 * so a cut by characters (subset-font's) keeps every glyph any word could reach: 105 KB for the
 * study's 42 letters. Instead each word is shaped with HarfBuzz (harfbuzzjs), tracing every glyph it
 * passes through on the way, and the face is cut by HarfBuzz's own subsetter to those glyphs, with
 * the substitution and positioning rules among them and no layout closure. Every cut is checked:
 * each text shaped with the cut face must come out as with the whole face, or the build stops.
 * Cutting takes a second or two a file (woff2 compression, mostly), so cuts are kept in
 * node_modules/.cache/urdu-font/, by the hash of the whole face, the texts and this way of cutting.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import * as hb from 'harfbuzzjs';
import subsetFont from 'subset-font';

export const URDU_FAMILY = 'Noto Nastaliq Urdu';
/**
 * What the Urdu faces are declared for: the face's Arabic ranges (as @fontsource declares them), and
 * the space, which Nastaliq draws narrower than a Latin face. Latin inside an original (a redaction's
 * "[a nurse]") keeps a Latin face and costs no download.
 */
/**
 * At most this many originals get a cut of their own. A cut takes about a second (woff2's Brotli at
 * its highest quality, which subset-font does not let us lower), and each adds a rule to the
 * faces.css every page loads: at 3,000 originals (15% of 20,000 excerpts) that would be most of an
 * hour of build and a stylesheet of about a megabyte. Past this, every original uses the one cut
 * of all originals, and the build says so.
 */
export const OWN_CUTS_UP_TO = 50;

/** The Urdu files to cut: `all` (every original: search snippets) and, up to OWN_CUTS_UP_TO originals, one per original. */
export function urduFiles(originals: { id: string; text: string }[]): { id: string; texts: string[] }[] {
  if (!originals.length) return [];
  const all = { id: 'all', texts: originals.map((o) => o.text) };
  return originals.length > OWN_CUTS_UP_TO ? [all] : [all, ...originals.map((o) => ({ id: o.id, texts: [o.text] }))];
}

export const URDU_RANGE = [
  'U+0020',
  'U+00A0',
  'U+0600-06FF',
  'U+0750-077F',
  'U+0870-08FF',
  'U+200C-200E',
  'U+2010-2011',
  'U+FB50-FDFF',
  'U+FE70-FEFC',
].join(', ');

// The build runs from the project root; resolve from there, whatever folder Astro bundles this into.
const require = createRequire(join(process.cwd(), 'package.json'));
const SOURCE = '@fontsource/noto-nastaliq-urdu/files/noto-nastaliq-urdu-arabic-400-normal.woff2';

/** The subset calls of harfbuzz-subset.wasm used here (the C API, as subset-font calls it). */
interface Subsetter {
  memory: WebAssembly.Memory;
  _initialize(): void;
  malloc(n: number): number;
  free(p: number): void;
  hb_blob_create(p: number, n: number, mode: number, u: number, d: number): number;
  hb_blob_destroy(b: number): void;
  hb_blob_get_data(b: number, n: number): number;
  hb_blob_get_length(b: number): number;
  hb_face_create(b: number, i: number): number;
  hb_face_destroy(f: number): void;
  hb_face_reference_blob(f: number): number;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(i: number): void;
  hb_subset_input_set(i: number, which: number): number;
  hb_subset_input_unicode_set(i: number): number;
  hb_subset_input_glyph_set(i: number): number;
  hb_subset_input_get_flags(i: number): number;
  hb_subset_input_set_flags(i: number, f: number): void;
  hb_subset_or_fail(f: number, i: number): number;
  hb_set_add(s: number, v: number): void;
  hb_set_clear(s: number): void;
  hb_set_invert(s: number): void;
}
const LAYOUT_FEATURES = 6;
const NO_HINTING = 0x1;
const NO_LAYOUT_CLOSURE = 0x200;

interface Whole {
  ttf: Uint8Array;
  font: hb.Font;
  subsetter: Subsetter;
}
let whole: Promise<Whole> | undefined;

/** The whole face as TrueType (HarfBuzz shapes and cuts TrueType), a HarfBuzz font of it, and the subsetter. */
function loadWhole(): Promise<Whole> {
  return (whole ??= (async () => {
    const source = readFileSync(require.resolve(SOURCE));
    const ttf = new Uint8Array(await subsetFont(source, '', { keepAllGlyphs: true, targetFormat: 'truetype' }));
    const wasm = readFileSync(require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm'));
    const subsetter = (await WebAssembly.instantiate(wasm)).instance.exports as unknown as Subsetter;
    subsetter._initialize();
    return { ttf, font: new hb.Font(new hb.Face(new hb.Blob(ttf))), subsetter };
  })());
}

function buffer(text: string): hb.Buffer {
  const b = new hb.Buffer();
  b.addText(text);
  b.guessSegmentProperties();
  b.setLanguage('ur');
  return b;
}

const traced = new Map<string, number[]>();
/** Every glyph the runs pass through while HarfBuzz shapes them, not only the glyphs they end as. */
function tracedGlyphs(font: hb.Font, runs: Iterable<string>, into = new Set<number>()): Set<number> {
  for (const run of runs) {
    let glyphs = traced.get(run);
    if (!glyphs) {
      const seen = new Set<number>();
      for (const step of hb.shapeWithTrace(font, buffer(run), [], 0, hb.TracePhase.DONT_STOP)) {
        if (step.glyphs) for (const g of step.t as { g: number }[]) seen.add(g.g);
      }
      traced.set(run, (glyphs = [...seen]));
    }
    for (const g of glyphs) into.add(g);
  }
  return into;
}

/** The face cut by HarfBuzz to `glyphs`, with the code points of `texts` mapped, as TrueType. */
function cut({ ttf, subsetter: w }: Whole, glyphs: Set<number>, texts: string[]): Uint8Array {
  const input = w.hb_subset_input_create_or_fail();
  const data = w.malloc(ttf.byteLength);
  new Uint8Array(w.memory.buffer).set(ttf, data);
  const blob = w.hb_blob_create(data, ttf.byteLength, 2, 0, 0);
  const face = w.hb_face_create(blob, 0);
  w.hb_blob_destroy(blob);
  try {
    const features = w.hb_subset_input_set(input, LAYOUT_FEATURES);
    w.hb_set_clear(features);
    w.hb_set_invert(features);
    w.hb_subset_input_set_flags(input, w.hb_subset_input_get_flags(input) | NO_HINTING | NO_LAYOUT_CLOSURE);
    const unicodes = w.hb_subset_input_unicode_set(input);
    for (const text of texts) for (const c of text) w.hb_set_add(unicodes, c.codePointAt(0)!);
    const gids = w.hb_subset_input_glyph_set(input);
    for (const g of glyphs) w.hb_set_add(gids, g);
    const subset = w.hb_subset_or_fail(face, input);
    if (!subset) throw new Error(`HarfBuzz could not cut ${SOURCE} to ${glyphs.size} glyphs`);
    const result = w.hb_face_reference_blob(subset);
    const at = w.hb_blob_get_data(result, 0);
    const out = new Uint8Array(w.memory.buffer).slice(at, at + w.hb_blob_get_length(result));
    w.hb_blob_destroy(result);
    w.hb_face_destroy(subset);
    return out;
  } finally {
    w.hb_subset_input_destroy(input);
    w.hb_face_destroy(face);
    w.free(data);
  }
}

/** The outline and place of every glyph of a shaped text: what a reader sees, whatever the glyphs' numbers. */
function drawn(font: hb.Font, text: string): string {
  const b = buffer(text);
  hb.shape(font, b);
  const at = b.getGlyphPositions();
  let paths = outlines.get(font);
  if (!paths) outlines.set(font, (paths = new Map()));
  const path = (glyph: number) => {
    let p = paths.get(glyph);
    if (p === undefined) paths.set(glyph, (p = font.glyphToPath(glyph)));
    return p;
  };
  const drawing = b
    .getGlyphInfos()
    .map((g, i) => `${g.codepoint ? path(g.codepoint) : 'notdef'} ${at[i].xAdvance},${at[i].xOffset},${at[i].yOffset}`)
    .join('\n');
  return drawing;
}
/**
 * Each font's glyph outlines, drawn once: checking thousands of texts draws the same few hundred
 * glyphs over and over (3,100 originals of the benchmark's wide study: 40 s before, see git log).
 */
const outlines = new WeakMap<hb.Font, Map<number, string>>();

/** Change when the way of cutting changes, so that cached cuts are made again. */
const CUT = 'traced-words-v2';
const CACHE = join(process.cwd(), 'node_modules/.cache/urdu-font');

/**
 * Noto Nastaliq Urdu in woff2, cut to what `texts` need. Browsers shape Arabic word by word, and a
 * search snippet is cut at words, so every word is traced; a text that does not come out the same
 * with the cut face has its own whole trace added (slower: seconds for a long text); if it still
 * differs, this throws.
 */
export async function urduSubset(texts: string[]): Promise<Uint8Array> {
  const source = readFileSync(require.resolve(SOURCE));
  const key = createHash('sha256').update(CUT).update(source).update(JSON.stringify(texts)).digest('hex').slice(0, 32);
  const file = join(CACHE, `${key}.woff2`);
  try {
    return new Uint8Array(readFileSync(file));
  } catch {
    /* not cut yet */
  }
  const woff2 = await cutFor(texts);
  mkdirSync(CACHE, { recursive: true });
  writeFileSync(`${file}.${process.pid}`, woff2);
  renameSync(`${file}.${process.pid}`, file);
  return woff2;
}

async function cutFor(texts: string[]): Promise<Uint8Array> {
  const all = await loadWhole();
  const runs = new Set(texts.flatMap((t) => t.split(/\s+/)).filter((w) => /\p{Script=Arabic}/u.test(w)));
  const glyphs = tracedGlyphs(all.font, runs);
  let ttf = cut(all, glyphs, texts);
  const differs = (font: hb.Font) => texts.filter((t) => drawn(font, t) !== drawn(all.font, t));
  const first = differs(new hb.Font(new hb.Face(new hb.Blob(ttf))));
  if (first.length) {
    tracedGlyphs(all.font, first, glyphs);
    ttf = cut(all, glyphs, texts);
    const still = differs(new hb.Font(new hb.Face(new hb.Blob(ttf))));
    if (still.length) {
      const first = still[0].slice(0, 60);
      throw new Error(`${SOURCE}: the cut face draws ${still.length} text(s) differently, first: "${first}"`);
    }
  }
  return new Uint8Array(await subsetFont(Buffer.from(ttf), '', { keepAllGlyphs: true, targetFormat: 'woff2' }));
}
