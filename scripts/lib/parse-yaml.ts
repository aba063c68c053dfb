/** YAML parsing that maps syntax and schema errors back to lines of the file. */
import { LineCounter, parseDocument, isNode } from 'yaml';
import type { z } from 'zod';
import { describeExpected } from './parse-csv.ts';
import { type Problem, show } from './problems.ts';

/** Parses YAML text and validates it; returns the value only when there are no problems. */
export function parseYaml<S extends z.ZodType>(text: string, file: string, schema: S): { value?: z.infer<S>; problems: Problem[]; lineOf: (path: (string | number)[]) => number | undefined } {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number) => counter.linePos(offset).line;
  const lineOf = (path: (string | number)[]) => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) return lineAt(node.range[0]);
    }
    return undefined;
  };
  if (doc.errors.length) {
    return { problems: doc.errors.map((e) => ({ file, line: lineAt(e.pos[0]), message: `malformed YAML: ${e.message.split('\n')[0]}` })), lineOf };
  }
  const raw: unknown = doc.toJS();
  const result = schema.safeParse(raw);
  if (result.success) return { value: result.data, problems: [], lineOf };
  const problems = result.error.issues.map((issue) => {
    const path = issue.path.map((k) => (typeof k === 'symbol' ? String(k) : k));
    const found = path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined), raw);
    return {
      file, line: lineOf(path), field: path.join('.') || undefined,
      message: found === undefined && issue.code === 'invalid_type' ? `missing, expected ${describeExpected(issue)}` : `found ${show(found ?? null)}, expected ${describeExpected(issue)}`,
    };
  });
  return { problems, lineOf };
}
