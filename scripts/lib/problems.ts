/**
 * Problems found in a study folder. Every check collects problems instead of throwing, so a
 * research team sees all of them at once, each naming file, line, field, what was found and
 * what was expected.
 */

/** One thing wrong with the input. */
export interface Problem {
  /** Path of the file, relative to the study folder's parent as the user typed it. */
  file: string;
  /** 1-based line number, when known. */
  line?: number;
  /** 1-based column on that line, when known (XML well-formedness errors, as xmllint gives them). */
  column?: number;
  /** Field or column, e.g. `column "codes"` or `themes[0].colour`. */
  field?: string;
  /** What is wrong, including what was found and what was expected. */
  message: string;
}

/** Formats a problem as `file:line field: message`, the shape editors can jump to. */
export function formatProblem(p: Problem): string {
  const where = p.line ? `${p.file}:${p.line}${p.column ? `:${p.column}` : ''}` : p.file;
  return `${where}${p.field ? ` ${p.field}` : ''}: ${p.message}`;
}

/** Thrown by the pipeline when a study folder has problems; carries all of them. */
export class StudyError extends Error {
  readonly problems: Problem[];
  constructor(found: Problem[]) {
    const problems = [...found].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
    super(
      `${problems.length} problem${problems.length === 1 ? '' : 's'} in the study folder:\n` +
        problems.map((p) => `  ${formatProblem(p)}`).join('\n'),
    );
    this.problems = problems;
  }
}

/** Edit distance counting a swap of neighbours as one edit ("trsut" is one edit from "trust"). */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** ` (did you mean "x"?)` when a known value is close enough to be a likely typo, else ``. */
export function didYouMean(found: string, known: Iterable<string>): string {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = distance(found.toLowerCase(), k.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  const limit = Math.max(2, Math.floor(found.length / 3));
  return best !== undefined && bestDistance <= limit ? ` (did you mean "${best}"?)` : '';
}

/** Quotes a found value for a message, shortening long ones (by code points, so no emoji is cut in half). */
export function show(value: unknown): string {
  const s = typeof value === 'string' ? value : JSON.stringify(value);
  const chars = [...s];
  return JSON.stringify(chars.length > 60 ? `${chars.slice(0, 57).join('')}...` : s);
}
