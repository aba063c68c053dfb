/**
 * The policy brief's own text: content/study/brief.yaml (optional), read at build time. It holds
 * what the codebook cannot: per theme, why the finding matters and what to do, and the brief's
 * recommendations. Findings and counts always come from the generated site data, never from here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LineCounter, isMap, isScalar, parseDocument } from 'yaml';
import { z } from 'zod';
import { parseYaml } from '../../scripts/lib/parse-yaml.ts';
import { type Problem, StudyError, didYouMean, show } from '../../scripts/lib/problems.ts';

const TextSchema = z.string().trim().min(1, 'a non-empty text');
const ThemeIdSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a theme id like trust-and-accuracy');

/** What the brief says about one theme, beyond the codebook's plain summary. */
export const BriefThemeSchema = z.strictObject({
  /** Why the finding matters, in plain language. Omitted: the section shows the finding only. */
  why: TextSchema.optional(),
  /** What decision-makers can do, one line each. Default: none. */
  actions: z.array(TextSchema).default([]),
});

/** One recommendation of the brief. */
export const RecommendationSchema = z.strictObject({
  /** The recommendation, one sentence. */
  text: TextSchema,
  /** Theme ids whose findings support it; each becomes a link to that section. Default: none. */
  themes: z.array(ThemeIdSchema).default([]),
});

/** brief.yaml: per theme id, the brief's text; and the recommendations. Both default to empty. */
export const BriefSchema = z.strictObject({
  themes: z.record(ThemeIdSchema, BriefThemeSchema).default({}),
  recommendations: z.array(RecommendationSchema).default([]),
});

export type Brief = z.infer<typeof BriefSchema>;
export type BriefTheme = z.infer<typeof BriefThemeSchema>;

/** The brief of a study folder without brief.yaml. */
export const EMPTY_BRIEF: Brief = { themes: {}, recommendations: [] };

/**
 * Parses and checks brief.yaml against the codebook's theme ids. Pure: returns every problem
 * (file, line, field, found, expected) instead of throwing.
 */
export function parseBrief(text: string, file: string, themeIds: string[]): { brief?: Brief; problems: Problem[]; warnings: string[] } {
  const { value, problems, lineOf } = parseYaml(text, file, BriefSchema.nullable());
  if (problems.some((p) => p.message.startsWith('malformed YAML'))) return { problems, warnings: [] };
  const raw = parseDocument(text).toJS() as { themes?: unknown; recommendations?: { themes?: unknown }[] } | null;
  const keys = raw?.themes && typeof raw.themes === 'object' && !Array.isArray(raw.themes) ? Object.keys(raw.themes) : [];
  const referenced = Array.isArray(raw?.recommendations)
    ? raw!.recommendations.flatMap((r, i) => (Array.isArray(r?.themes) ? r.themes.map((id: unknown, j: number) => ({ id: String(id), i, j })) : []))
    : [];
  // A brief that names none of the codebook's themes was written for another study folder (for
  // example the bundled brief while building a fixture with --study): say so and leave it out,
  // rather than fail a build the brief is optional for.
  if (!problems.length && keys.length + referenced.length && ![...keys, ...referenced.map((r) => r.id)].some((id) => themeIds.includes(id))) {
    return { brief: EMPTY_BRIEF, problems: [], warnings: [`${file}: names none of the codebook's themes (${themeIds.join(', ')}); the brief shows findings only`] };
  }
  const unknown = (id: string, line: number | undefined, field: string): Problem[] => themeIds.includes(id) ? [] : [{
    file, line, field, message: `unknown theme ${show(id)}${didYouMean(id, themeIds)}, expected one of ${themeIds.join(', ')}`,
  }];
  const all = [
    ...problems.map((p) => clarifyUnknownFields(p, text)),
    ...keys.flatMap((id) => unknown(id, keyLine(text, ['themes'], id), `themes.${id}`)),
    ...referenced.flatMap(({ id, i, j }) => unknown(id, lineOf(['recommendations', i, 'themes', j]), `recommendations.${i}.themes.${j}`)),
  ].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return all.length ? { problems: all, warnings: [] } : { brief: value ?? EMPTY_BRIEF, problems: [], warnings: [] };
}

/** Fields each object of brief.yaml may have, for "unknown field" messages. */
const FIELDS: [RegExp, string[]][] = [[/^themes\.[^.]+$/, ['why', 'actions']], [/^recommendations\.\d+$/, ['text', 'themes']], [/^$/, ['themes', 'recommendations']]];

/** Rewrites zod's "no unknown fields" and "a record" into words a research team knows. */
function clarifyUnknownFields(p: Problem, text: string): Problem {
  if (p.message.endsWith('expected a record')) return { ...p, message: p.message.replace(/expected a record$/, 'expected theme ids as keys, e.g. "trust-and-accuracy:" with why and actions under it') };
  const found = /expected no unknown fields \(found (.+)\)$/.exec(p.message)?.[1];
  const allowed = FIELDS.find(([re]) => re.test(p.field ?? ''))?.[1];
  if (!found || !allowed) return p;
  const name = found.split(', ')[0];
  const path = p.field ? p.field.split('.') : [];
  return { ...p, line: keyLine(text, path, name) ?? p.line, field: [...path, name].join('.'),
    message: `unknown field ${show(name)}${didYouMean(name, allowed)}, expected ${allowed.join(' or ')}` };
}

/** The line of a key in the map at `path` (lineOf gives the line of its value, which may be below). */
function keyLine(text: string, path: string[], key: string): number | undefined {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  const map = path.length ? doc.getIn(path.map((k) => (/^\d+$/.test(k) ? Number(k) : k)), true) : doc.contents;
  const pair = isMap(map) ? map.items.find((p) => isScalar(p.key) && p.key.value === key) : undefined;
  return isScalar(pair?.key) && pair.key.range ? counter.linePos(pair.key.range[0]).line : undefined;
}

/** The study folder the build reads: --study on the command line, STUDY_DIR, or the bundled one. */
export function studyDir(argv = process.argv): string {
  const flag = argv.indexOf('--study');
  return flag >= 0 && argv[flag + 1] ? argv[flag + 1] : process.env.STUDY_DIR || 'content/study';
}

/** Reads brief.yaml of the study folder; throws StudyError naming every problem; no file: empty brief. */
export function loadBrief(themeIds: string[], dir = studyDir()): Brief {
  const path = join(dir, 'brief.yaml');
  if (!existsSync(path)) return EMPTY_BRIEF;
  const { brief, problems, warnings } = parseBrief(readFileSync(path, 'utf8'), relative(process.cwd(), path) || path, themeIds);
  for (const w of warnings) console.warn(`[brief] ${w}`);
  if (!brief) throw new StudyError(problems);
  return brief;
}
