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
  /** Field or column, e.g. `column "codes"` or `themes[0].colour`. */
  field?: string;
  /** What is wrong, including what was found and what was expected. */
  message: string;
}

/** Formats a problem as `file:line field: message`, the shape editors can jump to. */
export function formatProblem(p: Problem): string {
  const where = p.line ? `${p.file}:${p.line}` : p.file;
  return `${where}${p.field ? ` ${p.field}` : ''}: ${p.message}`;
}

/** Thrown by the pipeline when a study folder has problems; carries all of them. */
export class StudyError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(`${problems.length} problem${problems.length === 1 ? '' : 's'} in the study folder:\n` +
      problems.map((p) => `  ${formatProblem(p)}`).join('\n'));
    this.problems = problems;
  }
}

/** Levenshtein distance, for did-you-mean suggestions. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length];
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

/** Quotes a found value for a message, shortening long ones. */
export function show(value: unknown): string {
  const s = typeof value === 'string' ? value : JSON.stringify(value);
  return JSON.stringify(s.length > 60 ? `${s.slice(0, 57)}...` : s);
}
