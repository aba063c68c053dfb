/**
 * Inputs that once made, or would make, a backtracking detector pattern slow: long runs that fail
 * only at their end, with gaps that can be read several ways. The detector tests run each at 32,000
 * repetitions; `npm run bench:detectors` prints how time grows with them.
 */
export const PATHOLOGICAL_INPUTS: ((n: number) => string)[] = [
  (n: number) => 'Dr. '.repeat(n),
  (n: number) => 'Dr.Aa '.repeat(n),
  (n: number) => `Dr ${'Aa'.repeat(n)}`,
  (n: number) => 'ڈاکٹر '.repeat(n),
  (n: number) => `ڈاکٹر ${'ب'.repeat(n)}`,
  (n: number) => '0'.repeat(n),
  (n: number) => '0300 - '.repeat(n),
  (n: number) => '۰ '.repeat(n),
  (n: number) => '+92 '.repeat(n),
  (n: number) => 'a.'.repeat(n) + '@',
  (n: number) => 'http://'.repeat(n),
  // Numbers that fail only at their end, with gaps that could be read several ways.
  (n: number) => '0  3  0  0  7  6  5  4  x '.repeat(n),
  (n: number) => '+92 - 3 - 0 - 0 - 7 - 6 - 5 x '.repeat(n),
  (n: number) => '35202  765432  x '.repeat(n),
  // Names: long capitals, initials, lower-case words after "dr.", no "Sahib" at the end.
  (n: number) => 'A'.repeat(n),
  (n: number) => 'A. B. '.repeat(n),
  (n: number) => 'Ab Cd Ef Gh '.repeat(n),
  (n: number) => `dr. ${'abc '.repeat(n)}`,
];
