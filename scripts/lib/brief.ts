/**
 * The policy brief's own text: brief.yaml in the study folder (optional). It holds what the
 * codebook cannot: per theme, why the finding matters and what to do, and the brief's
 * recommendations. Findings and counts always come from the coded data, never from here.
 */
import { LineCounter, isMap, isScalar, parseDocument } from 'yaml';
import { parseYaml } from './parse-yaml.ts';
import { type Problem, didYouMean, show } from './problems.ts';
import { type Brief, BriefSchema } from './schema.ts';

/** The brief of a study folder without brief.yaml. */
export const EMPTY_BRIEF: Brief = { themes: {}, recommendations: [] };

/**
 * Parses and checks brief.yaml against the codebook's theme ids. Pure: returns every problem
 * (file, line, field, found, expected) instead of throwing.
 */
export function parseBrief(text: string, file: string, themeIds: string[]): { brief?: Brief; problems: Problem[] } {
  const { value, problems, lineOf } = parseYaml(text, file, BriefSchema.nullable());
  if (problems.some((p) => p.message.startsWith('malformed YAML'))) return { problems };
  const raw = parseDocument(text).toJS() as { themes?: unknown; recommendations?: { themes?: unknown }[] } | null;
  const keys =
    raw?.themes && typeof raw.themes === 'object' && !Array.isArray(raw.themes) ? Object.keys(raw.themes) : [];
  const referenced = Array.isArray(raw?.recommendations)
    ? raw!.recommendations.flatMap((r, i) =>
        Array.isArray(r?.themes) ? r.themes.map((id: unknown, j: number) => ({ id: String(id), i, j })) : [],
      )
    : [];
  const unknown = (id: string, line: number | undefined, field: string): Problem[] =>
    themeIds.includes(id)
      ? []
      : [
          {
            file,
            line,
            field,
            message: `unknown theme ${show(id)}${didYouMean(id, themeIds)}, expected one of ${themeIds.join(', ')}`,
          },
        ];
  const all = [
    ...problems.map((p) => clarifyUnknownFields(p, text)),
    ...keys.flatMap((id) => unknown(id, keyLine(text, ['themes'], id), `themes.${id}`)),
    ...referenced.flatMap(({ id, i, j }) =>
      unknown(id, lineOf(['recommendations', i, 'themes', j]), `recommendations.${i}.themes.${j}`),
    ),
  ].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return all.length ? { problems: all } : { brief: value ?? EMPTY_BRIEF, problems: [] };
}

/** Fields each object of brief.yaml may have, for "unknown field" messages. */
const FIELDS: [RegExp, string[]][] = [
  [/^themes\.[^.]+$/, ['why', 'actions']],
  [/^recommendations\.\d+$/, ['text', 'themes']],
  [/^$/, ['themes', 'recommendations']],
];

/** Rewrites zod's "no unknown fields" and "a record" into words a research team knows. */
function clarifyUnknownFields(p: Problem, text: string): Problem {
  if (p.message.endsWith('expected a record'))
    return {
      ...p,
      message: p.message.replace(
        /expected a record$/,
        'expected theme ids as keys, e.g. "trust-and-accuracy:" with why and actions under it',
      ),
    };
  const found = /expected no unknown fields \(found (.+)\)$/.exec(p.message)?.[1];
  const allowed = FIELDS.find(([re]) => re.test(p.field ?? ''))?.[1];
  if (!found || !allowed) return p;
  const name = found.split(', ')[0];
  const path = p.field ? p.field.split('.') : [];
  return {
    ...p,
    line: keyLine(text, path, name) ?? p.line,
    field: [...path, name].join('.'),
    message: `unknown field ${show(name)}${didYouMean(name, allowed)}, expected ${allowed.join(' or ')}`,
  };
}

/** The line of a key in the map at `path` (lineOf gives the line of its value, which may be below). */
function keyLine(text: string, path: string[], key: string): number | undefined {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  const map = path.length
    ? doc.getIn(
        path.map((k) => (/^\d+$/.test(k) ? Number(k) : k)),
        true,
      )
    : doc.contents;
  const pair = isMap(map) ? map.items.find((p) => isScalar(p.key) && p.key.value === key) : undefined;
  return isScalar(pair?.key) && pair.key.range ? counter.linePos(pair.key.range[0]).line : undefined;
}
