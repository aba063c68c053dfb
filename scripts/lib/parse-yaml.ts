/** YAML parsing that maps syntax and schema errors back to lines of the file. */
import { type Document, LineCounter, isNode, parseDocument, visit } from 'yaml';
import type { z } from 'zod';
import { describeExpected } from './parse-csv.ts';
import { type Problem, show } from './problems.ts';

/** What a YAML syntax error expected, by the parser's error code. */
const YAML_EXPECTED: Record<string, string> = {
  MISSING_CHAR: 'the closing quote or bracket',
  TAB_AS_INDENT: 'indentation with spaces, not tabs',
  BAD_INDENT: 'the items of a list or mapping indented alike',
  MULTILINE_IMPLICIT_KEY: '"key: value" on one line, or a long value in quotes or after "key: |"',
  BLOCK_AS_IMPLICIT_KEY: '"key: value" pairs, each on its own line',
  DUPLICATE_KEY: 'each key once in a mapping',
  BAD_SCALAR_START: 'a text starting with @, ` or % in quotes',
  UNEXPECTED_TOKEN: 'a value, a "key: value" pair or a "- " list item',
  MISSING_ANCHOR: 'an &anchor before its *alias, or a text starting with * in quotes',
};
const YAML_DEFAULT =
  'YAML as in the example of this file in docs/study-folder.md (indentation with spaces, "key: value" pairs, texts with ": " or "#" in quotes)';

/** Parses YAML text and validates it; returns the value only when there are no problems. */
export function parseYaml<S extends z.ZodType>(
  text: string,
  file: string,
  schema: S,
): { value?: z.infer<S>; problems: Problem[]; lineOf: (path: (string | number)[]) => number | undefined } {
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
    // One problem per line: the parser's later errors on a line mostly follow from its first.
    const lines = new Set<number>();
    const problems = doc.errors.flatMap((e) => {
      const line = lineAt(e.pos[0]);
      if (lines.has(line)) return [];
      lines.add(line);
      return [
        {
          file,
          line,
          message: `malformed YAML: ${e.message.split('\n')[0].replace(/\s*at line \d+, column \d+:?$/, '')} (expected ${YAML_EXPECTED[e.code] ?? YAML_DEFAULT})`,
        },
      ];
    });
    return { problems, lineOf };
  }
  // The parser accepts aliases it cannot resolve (`lead: *Emphasised*`); toJS() would throw on them.
  const aliases = aliasProblems(doc, file, lineAt);
  if (aliases.length) return { problems: aliases, lineOf };
  let raw: unknown;
  try {
    raw = doc.toJS();
  } catch (e) {
    // Aliases that expand to too much data (a "billion laughs"); the yaml package refuses them.
    return {
      problems: [
        {
          file,
          line: firstAliasLine(doc, lineAt),
          message: `malformed YAML: aliases (*name) expand to more data than a study file needs; write the values out (${(e as Error).message})`,
        },
      ],
      lineOf,
    };
  }
  const result = schema.safeParse(raw);
  if (result.success) return { value: result.data, problems: [], lineOf };
  const problems = result.error.issues.map((issue) => {
    const path = issue.path.map((k) => (typeof k === 'symbol' ? String(k) : k));
    const found = path.reduce<unknown>(
      (v, k) => (v && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined),
      raw,
    );
    return {
      file,
      line: lineOf(path),
      field: path.join('.') || undefined,
      message:
        found === undefined && issue.code === 'invalid_type'
          ? `missing, expected ${describeExpected(issue)}`
          : `found ${show(found ?? null)}, expected ${describeExpected(issue)}`,
    };
  });
  return { problems, lineOf };
}

/** Every alias (`*name`) with no anchor (`&name`) before it. */
function aliasProblems(doc: Document, file: string, lineAt: (offset: number) => number): Problem[] {
  const problems: Problem[] = [];
  visit(doc, {
    Alias(_, alias) {
      if (alias.resolve(doc)) return;
      problems.push({
        file,
        line: lineAt(alias.range?.[0] ?? 0),
        message: `malformed YAML: *${alias.source} refers to no anchor &${alias.source} before it (a text that starts with * needs quotes)`,
      });
    },
  });
  return problems;
}

function firstAliasLine(doc: Document, lineAt: (offset: number) => number): number {
  let line = 1;
  visit(doc, {
    Alias(_, alias) {
      line = lineAt(alias.range?.[0] ?? 0);
      return visit.BREAK;
    },
  });
  return line;
}
