/**
 * A synthetic study in the study-folder format, for benchmarks and scale tests: a fixed seed,
 * any number of excerpts, and skewed distributions like real coding (a few codes used often,
 * talkative and quiet participants, excerpt lengths from 20 to 200 words, 1-3 codes each), and a
 * redaction list of fictional names, about 1 in 30 excerpts naming one of them, so that
 * anonymization and the privacy scan do their real work.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StudyFiles } from './study-files.ts';

/** A small deterministic PRNG (mulberry32), so the same seed gives the same study. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'the tool we patients time ward notes doctor system trust report hospital family clinic results ' +
  'training software accuracy check data staff night alerts decision manager policy load-shedding screen ' +
  'queue form history scan error consent privacy learning colleague morning pressure shift confidence'
).split(' ');

/** Fictional people and places of the synthetic redaction list (none is a word of WORDS). */
const GIVEN = ['Asif', 'Hina', 'Bilal', 'Sadia', 'Imran', 'Rabia', 'Kamran', 'Nadia', 'Tariq', 'Saima'];
const FAMILY = ['Qureshi', 'Butt', 'Chaudhry', 'Mirza', 'Awan', 'Gondal'];
const PLACES = ['Rawalpindi General', 'Attock Road Clinic', 'Chakwal Trust Hospital', 'Jhelum City Lab'];

/** Urdu words for original-language texts (script and shaping work like a real study's). */
const URDU = 'مریض ڈاکٹر ہسپتال وقت رپورٹ اعتماد نظام دوا خاندان کام رات تربیت غلطی فیصلہ دباؤ ساتھی صبح'.split(' ');

/** Options of the synthetic study; every shape option has today's default. */
export interface SyntheticOptions {
  excerpts: number;
  seed?: number;
  themes?: number;
  subthemes?: number;
  codesPerSubtheme?: number;
  /** Total codes, spread over the subthemes (overrides codesPerSubtheme); themes default to one per 40 codes, 5 to 12. */
  codes?: number;
  /** Participants; default 3 x sqrt(excerpts), 24 to 400. */
  participants?: number;
  /** `short`: 20-200 words, most short (default); `long-tail`: log-normal lengths, median about `medianWords`, up to `maxWords`. */
  lengths?: 'short' | 'long-tail';
  medianWords?: number;
  maxWords?: number;
  /** Share of excerpts with an Urdu original (0 to 1); default 0. */
  urdu?: number;
  /** Target megabytes of excerpt text (English plus originals): sets the long-tail median to reach it. */
  textMb?: number;
}

/** Average bytes per word of the synthetic English text, with its space. */
const BYTES_PER_WORD = 6.6;

/** Builds the texts of a synthetic study folder. */
export function syntheticStudy(options: SyntheticOptions): StudyFiles {
  const { excerpts, seed = 42, subthemes = 3, lengths = options.textMb ? 'long-tail' : 'short', urdu = 0 } = options;
  const themes = options.themes ?? (options.codes ? Math.max(5, Math.min(12, Math.round(options.codes / 40))) : 6);
  const totalCodes = options.codes ?? themes * subthemes * (options.codesPerSubtheme ?? 4);
  const maxWords = options.maxWords ?? (options.textMb ? 4000 : 900);
  const sigma = 0.75;
  // A log-normal's mean is its median times exp(sigma^2 / 2); Urdu originals add about 0.9 of their excerpt.
  const medianWords = options.textMb
    ? (options.textMb * 1e6) / (excerpts * BYTES_PER_WORD * (1 + 0.9 * urdu)) / Math.exp(sigma ** 2 / 2)
    : (options.medianWords ?? 90);
  const rand = random(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const wordCount = () =>
    lengths === 'short'
      ? Math.round(20 + 180 * rand() ** 2.2)
      : Math.max(8, Math.min(maxWords, Math.round(medianWords * Math.exp(sigma * normal()))));
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)];
  // Zipf-like: earlier codes and participants are chosen more often.
  const skewed = <T>(list: T[]) => list[Math.min(list.length - 1, Math.floor(list.length * rand() ** 1.8))];
  const participantCount = options.participants ?? Math.max(24, Math.min(400, Math.round(Math.sqrt(excerpts) * 3)));
  const groups = ['Mental health', 'Medicine', 'Surgery', 'Diagnostics'];
  const participants = Array.from({ length: participantCount }, (_, i) => ({
    id: `P${String(i + 1).padStart(3, '0')}`,
    group: groups[i % groups.length],
    sector: i % 8 < 4 ? 'Public' : 'Private',
    years: 2 + Math.floor(rand() * 30),
  }));
  // Codes dealt to subthemes in turn, so any total spreads evenly (256 codes: 18 subthemes of 14 or 15).
  const slots = themes * subthemes;
  const codebook = Array.from({ length: themes }, (_, t) => ({
    id: `theme-${t + 1}`,
    subthemes: Array.from({ length: subthemes }, (_, s) => {
      const slot = t * subthemes + s;
      const count = Math.floor(totalCodes / slots) + (slot < totalCodes % slots ? 1 : 0);
      return {
        id: `sub-${t + 1}-${s + 1}`,
        codes: Array.from({ length: Math.max(1, count) }, (_, c) => `code-${t + 1}-${s + 1}-${c + 1}`),
      };
    }),
  }));
  const codes = codebook.flatMap((t) => t.subthemes.flatMap((s) => s.codes));
  const colours = ['#0072B2', '#009E73', '#D55E00', '#CC79A7', '#E69F00', '#56B4E9'];

  const rows = ['id,participant,position,codes,text,original_lang,original_text'];
  const position = new Map<string, number>();
  const firstByTheme = new Map<string, string>();
  for (let i = 1; i <= excerpts; i++) {
    const id = `E${String(i).padStart(6, '0')}`;
    const p = skewed(participants).id;
    position.set(p, (position.get(p) ?? 0) + 1);
    const own = new Set([skewed(codes)]);
    while (rand() < 0.45 && own.size < 3) own.add(pick(codes));
    const length = wordCount();
    const words = Array.from({ length }, () => pick(WORDS));
    if (rand() < 1 / 30)
      words.splice(
        Math.floor(rand() * words.length),
        0,
        rand() < 0.75 ? `Dr ${pick(GIVEN)} ${pick(FAMILY)}` : pick(PLACES),
      );
    const text = words.join(' ');
    const original = rand() < urdu ? `${Array.from({ length }, () => pick(URDU)).join(' ')}۔` : undefined;
    for (const c of own) {
      const theme = `theme-${c.split('-')[1]}`;
      if (!firstByTheme.has(theme)) firstByTheme.set(theme, id);
    }
    rows.push(`${id},${p},${position.get(p)},${[...own].join(';')},"${text}.",${original ? `ur,"${original}"` : ','}`);
  }
  const yamlCodebook = [
    'themes:',
    ...codebook.flatMap((t, ti) => [
      `  - id: ${t.id}`,
      `    label: Theme ${ti + 1}`,
      `    colour: "${colours[ti % colours.length]}"`,
      '    definition: A synthetic theme.',
      '    summary: A synthetic summary.',
      '    plainSummary: A synthetic plain summary.',
      '    subthemes:',
      ...t.subthemes.flatMap((s, si) => [
        `      - id: ${s.id}`,
        `        label: Subtheme ${ti + 1}.${si + 1}`,
        '        definition: A synthetic subtheme.',
        '        codes:',
        ...s.codes.flatMap((c) => [
          `          - id: ${c}`,
          `            label: Code ${c.slice(5)}`,
          '            definition: A synthetic code.',
        ]),
      ]),
    ]),
  ].join('\n');
  const narratives = Object.fromEntries(
    codebook.map((t) => [
      t.id,
      `Synthetic narrative for ${t.id}.\n\n<Quote id="${firstByTheme.get(t.id) ?? 'E000001'}" />\n`,
    ]),
  );
  return {
    dir: `synthetic-${excerpts}`,
    study: [
      'title: Synthetic benchmark study',
      'authors: [{ family: Bench }]',
      'journal: Benchmarks',
      'year: 2026',
      'doi: 10.0000/bench.1',
      'abstract: { objective: o, method: m, results: r, conclusion: c }',
      'question: q',
      'design: d',
      'setting: s',
      'sampling: s',
      `sampleSize: ${participantCount}`,
      'analysis: a',
      'ethics: Not applicable',
      'licence: { name: CC0, url: "https://creativecommons.org/publicdomain/zero/1.0/" }',
      'provenance: { kind: illustrative, notice: "Synthetic benchmark data." }',
      'privacy: { k: 3, shownAttributes: [specialty_group, sector], experienceBands: [10] }',
    ].join('\n'),
    codebook: yamlCodebook,
    participants: [
      'id,specialty_group,sector,years_experience',
      ...participants.map((p) => `${p.id},${p.group},${p.sector},${p.years}`),
    ].join('\n'),
    excerpts: rows.join('\n'),
    quotes: codebook.map((t) => `${t.id}:\n  - excerpt: ${firstByTheme.get(t.id) ?? 'E000001'}`).join('\n'),
    redactions: [
      ...GIVEN.flatMap((g) => FAMILY.map((f) => `- term: Dr ${g} ${f}\n  replacement: "[a colleague]"`)),
      ...PLACES.map((p) => `- term: ${p}\n  replacement: "[a hospital]"`),
      `- pattern: '(${GIVEN.join('|')}) (${FAMILY.join('|')})'\n  replacement: "[a colleague]"`,
    ].join('\n'),
    narratives,
  };
}

/** Writes a synthetic study's texts to `dir`, replacing what was there, so that the build can read it. */
export function writeSyntheticStudy(dir: string, files: StudyFiles): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'themes'), { recursive: true });
  for (const name of ['study', 'codebook', 'quotes', 'redactions'] as const)
    writeFileSync(join(dir, `${name}.yaml`), files[name]!);
  for (const name of ['participants', 'excerpts'] as const) writeFileSync(join(dir, `${name}.csv`), files[name]!);
  for (const [id, text] of Object.entries(files.narratives)) writeFileSync(join(dir, 'themes', `${id}.mdx`), text);
}
