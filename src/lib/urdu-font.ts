/**
 * The Urdu face, Noto Nastaliq Urdu (159 KB in woff2), cut at build time to the glyphs the study's
 * Urdu originals use. Nastaliq draws a word through long chains of contextual substitutions (GSUB),
 * so a cut by characters (subset-font's) keeps every glyph any word could reach: 105 KB for the
 * study's 42 letters. Instead each word is shaped with HarfBuzz (harfbuzzjs), tracing every glyph it
 * passes through on the way, and the face is cut by HarfBuzz's own subsetter to those glyphs, with
 * the substitution and positioning rules among them and no layout closure. The trace also says
 * which lookups acted (substituted, positioned, or were called by one that did): the others are
 * emptied before cutting, since most of what a cut weighs is rules its texts never reach (E0008's
 * cut: 26 of 42 KB were GSUB). Every cut is checked: each text shaped with the cut face must come
 * out as with the whole face, or the build stops.
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

/** What shaping a run went through: every glyph on the way, and the lookups of each table that acted. */
interface Trace {
  glyphs: number[];
  lookups: { GSUB: number[]; GPOS: number[] };
}
/** What the cut must keep: the glyphs and, per layout table, the lookups the traces saw act. */
interface Keep {
  glyphs: Set<number>;
  lookups: { GSUB: Set<number>; GPOS: Set<number> };
}
/** Per lookup ("GSUB 78"), the only subtables kept, by number; a lookup not named keeps all. */
type Subtables = Map<string, number[]>;
const keepNothing = (): Keep => ({ glyphs: new Set(), lookups: { GSUB: new Set(), GPOS: new Set() } });

const traced = new Map<string, Trace>();
/**
 * Every glyph the runs pass through while HarfBuzz shapes them, not only the glyphs they end as, and
 * every lookup that did something: one whose run left the buffer (glyphs, or their positions)
 * otherwise than it found it, or that a contextual lookup called ("recursing to"). HarfBuzz's
 * message callback is read directly (harfbuzzjs's shapeWithTrace keeps every step as parsed JSON:
 * hundreds of megabytes for a long text).
 */
function trace(font: hb.Font, runs: Iterable<string>, into = keepNothing()): Keep {
  for (const run of runs) {
    let found = traced.get(run);
    if (!found) {
      const glyphs = new Set<number>();
      const lookups = { GSUB: new Set<number>(), GPOS: new Set<number>() };
      let table: 'GSUB' | 'GPOS' | undefined;
      const open: { lookup: number; before: string }[] = [];
      const b = buffer(run);
      b.setMessageFunc((buf, f, m) => {
        const now = buf.serialize({
          font: f,
          format: hb.BufferSerializeFormat.JSON,
          flags: hb.BufferSerializeFlag.NO_GLYPH_NAMES,
        });
        if (buf.getContentType() === hb.BufferContentType.GLYPHS)
          for (const g of now.matchAll(/"g":(\d+)/g)) glyphs.add(Number(g[1]));
        let hit: RegExpExecArray | null;
        if ((hit = /^start table (GSUB|GPOS)/.exec(m))) table = hit[1] as 'GSUB' | 'GPOS';
        else if (m.startsWith('end table')) table = undefined;
        else if ((hit = /^start lookup (\d+)/.exec(m))) open.push({ lookup: Number(hit[1]), before: now });
        else if (m.startsWith('end lookup')) {
          const started = open.pop();
          if (table && started && started.before !== now) lookups[table].add(started.lookup);
        } else if ((hit = /^start recursing to lookup (\d+)/.exec(m)) && table) lookups[table].add(Number(hit[1]));
        return true;
      });
      hb.shape(font, b);
      found = { glyphs: [...glyphs], lookups: { GSUB: [...lookups.GSUB], GPOS: [...lookups.GPOS] } };
      traced.set(run, found);
    }
    for (const g of found.glyphs) into.glyphs.add(g);
    for (const l of found.lookups.GSUB) into.lookups.GSUB.add(l);
    for (const l of found.lookups.GPOS) into.lookups.GPOS.add(l);
  }
  return into;
}

/**
 * A copy of the face whose GSUB and GPOS lookups not in `keep` have no subtables: HarfBuzz's
 * subsetter then writes only the subtables still reached. No kept JavaScript library edits OpenType
 * layout tables, and this edit is two numbers deep (the lookup list, each lookup's subtable count);
 * the subsetter does all the writing.
 */

function withOnlyLookups(ttf: Uint8Array, keep: Keep['lookups'], subtables?: Subtables): Uint8Array {
  const out = ttf.slice();
  const view = new DataView(out.buffer);
  const tables = view.getUint16(4);
  for (let i = 0; i < tables; i++) {
    const record = 12 + 16 * i;
    const tag = String.fromCharCode(...out.subarray(record, record + 4));
    if (tag !== 'GSUB' && tag !== 'GPOS') continue;
    const table = view.getUint32(record + 8);
    const list = table + view.getUint16(table + 8);
    for (let l = 0, n = view.getUint16(list); l < n; l++) {
      const lookup = list + view.getUint16(list + 2 + 2 * l);
      const only = subtables?.get(`${tag} ${l}`);
      if (!keep[tag].has(l)) view.setUint16(lookup + 4, 0);
      else if (only) {
        // Keep these subtables, in their order: their offsets moved to the front of the list.
        const offsets = only.map((s) => view.getUint16(lookup + 6 + 2 * s));
        offsets.forEach((o, k) => view.setUint16(lookup + 6 + 2 * k, o));
        view.setUint16(lookup + 4, offsets.length);
      }
    }
  }
  return out;
}

/** The subtables of a layout table's lookups: how many each lookup has. */
function subtableCounts(ttf: Uint8Array, tag: 'GSUB' | 'GPOS'): number[] {
  const view = new DataView(ttf.buffer, ttf.byteOffset, ttf.byteLength);
  for (let i = 0, tables = view.getUint16(4); i < tables; i++) {
    const record = 12 + 16 * i;
    if (String.fromCharCode(...ttf.subarray(record, record + 4)) !== tag) continue;
    const table = view.getUint32(record + 8);
    const list = table + view.getUint16(table + 8);
    return Array.from({ length: view.getUint16(list) }, (_, l) =>
      view.getUint16(list + view.getUint16(list + 2 + 2 * l) + 4),
    );
  }
  return [];
}

/** The face cut by HarfBuzz to `glyphs`, with the code points of `texts` mapped, as TrueType. */
function cut({ subsetter: w }: Whole, ttf: Uint8Array, glyphs: Set<number>, texts: string[]): Uint8Array {
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
const CUT = 'traced-words-v3-acting-lookups';
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

/** A text shaped: its glyphs (by number) and their places, to compare faces that number glyphs alike. */
function shaped(font: hb.Font, text: string): string {
  const b = buffer(text);
  hb.shape(font, b);
  const at = b.getGlyphPositions();
  return b
    .getGlyphInfos()
    .map((g, i) => `${g.codepoint} ${at[i].xAdvance},${at[i].xOffset},${at[i].yOffset}`)
    .join(' ');
}

/**
 * Find a smallest part of `among` that, beside `base`, passes (assuming that more never fails where
 * less passes): halves are tried first, so k needed of n costs about k log n tries.
 */
function needed<T>(passes: (items: T[]) => boolean, base: T[], among: T[]): T[] {
  if (passes(base) || !among.length) return [];
  if (among.length === 1) return among;
  const half = among.length >> 1;
  const [a, b] = [among.slice(0, half), among.slice(half)];
  if (passes([...base, ...a])) return needed(passes, base, a);
  if (passes([...base, ...b])) return needed(passes, base, b);
  const fromA = needed(passes, [...base, ...b], a);
  return [...fromA, ...needed(passes, [...base, ...fromA], b)];
}

/** Past this many texts, a cut keeps every subtable of the lookups it keeps (trying subtables would take minutes). */
const SUBTABLES_UP_TO = 4;

async function cutFor(texts: string[]): Promise<Uint8Array> {
  const all = await loadWhole();
  const runs = [...new Set(texts.flatMap((t) => t.split(/\s+/)).filter((w) => /\p{Script=Arabic}/u.test(w)))];
  const keep = trace(all.font, runs);
  // Tries are shaped with the whole face, edited: glyphs keep their numbers, so a try is compared
  // glyph by glyph with the whole face, and HarfBuzz's subsetter runs once, at the end.
  const checked = [...texts, ...runs];
  const expected = checked.map((t) => shaped(all.font, t));
  const sameAsWhole = (ttf: Uint8Array) => {
    const font = new hb.Font(new hb.Face(new hb.Blob(ttf)));
    return checked.every((t, i) => shaped(font, t) === expected[i]);
  };
  const tables = ['GSUB', 'GPOS'] as const;
  // Lookups: those the traces saw act, and any other that proves needed.
  const left = tables.flatMap((table) =>
    subtableCounts(all.ttf, table).flatMap((_, l) => (keep.lookups[table].has(l) ? [] : [{ table, l }])),
  );
  const withLookups = (extra: typeof left) => {
    const lookups = { GSUB: new Set(keep.lookups.GSUB), GPOS: new Set(keep.lookups.GPOS) };
    for (const { table, l } of extra) lookups[table].add(l);
    return lookups;
  };
  const lookups = withLookups(needed((extra) => sameAsWhole(withOnlyLookups(all.ttf, withLookups(extra))), [], left));
  // Subtables: a Nastaliq lookup holds hundreds of contextual rules, one a subtable, and a text meets
  // a few; keep the ones it needs.
  const subtables: Subtables = new Map();
  if (texts.length <= SUBTABLES_UP_TO) {
    const candidates = tables.flatMap((table) =>
      subtableCounts(all.ttf, table).flatMap((n, l) =>
        lookups[table].has(l) && n > 1 ? Array.from({ length: n }, (_, s) => ({ key: `${table} ${l}`, s })) : [],
      ),
    );
    const only = (kept: typeof candidates): Subtables => {
      const map: Subtables = new Map(candidates.map((c) => [c.key, []]));
      for (const { key, s } of kept) map.get(key)!.push(s);
      for (const list of map.values()) list.sort((a, b) => a - b);
      return map;
    };
    for (const [key, list] of only(
      needed((kept) => sameAsWhole(withOnlyLookups(all.ttf, lookups, only(kept))), [], candidates),
    ))
      subtables.set(key, list);
  }
  const edited = withOnlyLookups(all.ttf, lookups, subtables);
  let ttf = cut(all, sameAsWhole(edited) ? edited : all.ttf, keep.glyphs, texts);
  // The check that counts: the cut (glyphs renumbered) draws every text and word as the whole face,
  // outline by outline; if the edited face's cut does not, the whole face's cut must.
  const differs = (cutFace: Uint8Array) => {
    const font = new hb.Font(new hb.Face(new hb.Blob(cutFace)));
    return checked.filter((t) => drawn(font, t) !== drawn(all.font, t));
  };
  if (differs(ttf).length) ttf = cut(all, all.ttf, trace(all.font, texts, keep).glyphs, texts);
  const still = differs(ttf);
  if (still.length)
    throw new Error(
      `${SOURCE}: the cut face draws ${still.length} text(s) differently, first: "${still[0].slice(0, 60)}"`,
    );
  return new Uint8Array(await subsetFont(Buffer.from(ttf), '', { keepAllGlyphs: true, targetFormat: 'woff2' }));
}
