/**
 * The bundled illustrative dataset keeps the promises the project makes about it: size, spread,
 * variety (no templated speech), Urdu originals, dissent, and narratives of findings-section length.
 */
import { describe, expect, it } from 'vitest';
import { buildContent } from './build-content.ts';
import { loadStudy } from './lib/load-study.ts';
import { readNarrative } from './lib/narrative-refs.ts';
import { readStudyFolder } from './lib/study-files.ts';

const files = readStudyFolder('content/study');
const { loaded } = loadStudy(files);
const excerpts = loaded.excerpts.map((e) => e.value);
const words = (s: string) => s.split(/\s+/).filter(Boolean);
/** Codes whose very definition is doubt, distrust or a cost of AI. */
const DOUBT_CODES = [
  'error-experience',
  'local-data-mismatch',
  'black-box-opacity',
  'double-checking',
  'liability-fear',
  'new-stress-from-ai',
  'job-security-worry',
  'deskilling-concern',
];

describe('the bundled illustrative study', () => {
  it('builds, and says it is illustrative', () => {
    expect(() => buildContent(files)).not.toThrow();
    expect(loaded.study?.provenance.kind).toBe('illustrative');
  });

  it('has 22 participants, every one voiced, and 300+ excerpts of 20-200 words', () => {
    expect(loaded.participants).toHaveLength(22);
    expect(new Set(excerpts.map((e) => e.participant)).size).toBe(22);
    expect(excerpts.length).toBeGreaterThanOrEqual(300);
    const outside = excerpts.filter((e) => words(e.text).length < 20 || words(e.text).length > 200).map((e) => e.id);
    expect(outside).toEqual([]);
  });

  it('has realistic breadth: themes voiced by different numbers of participants, codes by fewer still', () => {
    const themeOf = new Map(
      loaded.codebook!.themes.flatMap((t) => t.subthemes.flatMap((s) => s.codes.map((c) => [c.id, t.id]))),
    );
    const voices = (keyOf: (code: string) => string) => {
      const by = new Map<string, Set<string>>();
      for (const e of excerpts)
        for (const c of e.codes) (by.get(keyOf(c)) ?? by.set(keyOf(c), new Set()).get(keyOf(c))!).add(e.participant);
      return [...by.values()].map((s) => s.size);
    };
    const themes = voices((c) => themeOf.get(c)!);
    expect(new Set(themes).size, themes.join(', ')).toBe(loaded.codebook!.themes.length);
    expect(Math.min(...themes)).toBeLessThanOrEqual(loaded.participants.length * 0.6);
    expect(Math.max(...voices((c) => c))).toBeLessThan(loaded.participants.length);
  });

  it('has a codebook of 25-45 codes and often codes an excerpt several times', () => {
    const codes = loaded.codebook!.themes.flatMap((t) => t.subthemes.flatMap((s) => s.codes));
    expect(codes.length).toBeGreaterThanOrEqual(25);
    expect(codes.length).toBeLessThanOrEqual(45);
    expect(excerpts.filter((e) => e.codes.length >= 2).length / excerpts.length).toBeGreaterThan(0.4);
  });

  it('voices doubt, distrust or disagreement in at least a fifth of excerpts', () => {
    const doubtful = excerpts.filter((e) => e.codes.some((c) => DOUBT_CODES.includes(c)));
    expect(doubtful.length / excerpts.length).toBeGreaterThanOrEqual(0.2);
  });

  it('has no 8-word sequence in more than 3 excerpts (no templated speech)', () => {
    const seen = new Map<string, Set<string>>();
    for (const e of excerpts) {
      const w = words(e.text.toLowerCase().replace(/[^\p{L}\p{N}\s']/gu, ' '));
      for (let i = 0; i + 8 <= w.length; i++) {
        const key = w.slice(i, i + 8).join(' ');
        if (!seen.has(key)) seen.set(key, new Set());
        seen.get(key)!.add(e.id);
      }
    }
    expect([...seen].filter(([, ids]) => ids.size > 3).map(([k]) => k)).toEqual([]);
  });

  it('has at least 20 Urdu originals in Arabic script', () => {
    const urdu = excerpts.filter((e) => e.original_lang === 'ur' && /[\u0600-\u06FF]{3,}/.test(e.original_text ?? ''));
    expect(urdu.length).toBeGreaterThanOrEqual(20);
  });

  it('has curated quotes and a 300-600-word narrative for every theme', () => {
    for (const theme of loaded.codebook!.themes) {
      expect(loaded.quotes?.[theme.id]?.length, theme.id).toBeGreaterThan(0);
      const { words: n } = readNarrative(loaded.narratives[theme.id]);
      expect(n, theme.id).toBeGreaterThanOrEqual(300);
      expect(n, theme.id).toBeLessThanOrEqual(600);
    }
  });

  it('names fictional people and places in raw excerpts, so that redaction has work to do', () => {
    const report = JSON.parse(buildContent(files).report);
    const replacements = report.excerpts.flatMap((e: { replacements: { field: string }[] }) => e.replacements);
    expect(replacements.length).toBeGreaterThanOrEqual(20);
    expect(replacements.some((r: { field: string }) => r.field === 'original_text')).toBe(true);
  });
});
