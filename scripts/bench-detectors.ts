/**
 * How the detectors' time grows on pathological input (scripts/lib/pathological-inputs.ts): for each
 * input, the best of five runs at 4,000 and 32,000 repetitions and their ratio (linear is about 8,
 * quadratic 64). Figures only; no test times anything.
 *
 *   npm run bench:detectors
 */
import { DETECTORS } from './lib/detectors.ts';
import { PATHOLOGICAL_INPUTS } from './lib/pathological-inputs.ts';
import { parseCommandLine, UsageError } from './lib/cli.ts';

try {
  parseCommandLine({ command: 'npm run bench:detectors', options: {} }, process.argv.slice(2));
} catch (e) {
  if (!(e instanceof UsageError)) throw e;
  console.error(e.message);
  process.exit(2);
}

const time = (text: string) =>
  Math.min(
    ...[1, 2, 3, 4, 5].map(() => {
      const start = performance.now();
      for (const d of DETECTORS)
        if (d.worthSearching(text))
          for (const _ of text.matchAll(d.pattern)) {
            /* consume */
          }
      return performance.now() - start;
    }),
  );

console.log('input (first 16 characters)       4,000x     32,000x   ratio');
for (const make of PATHOLOGICAL_INPUTS) {
  const [small, large] = [time(make(4_000)), time(make(32_000))];
  console.log(
    `${JSON.stringify(make(2).slice(0, 16)).padEnd(30)} ${small.toFixed(1).padStart(8)} ms ${large.toFixed(1).padStart(8)} ms ${(large / Math.max(small, 0.1)).toFixed(1).padStart(7)}`,
  );
}
