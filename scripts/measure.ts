/**
 * Prints the weight of the built site (default dist/): per kind of page, the largest HTML+CSS
 * and JavaScript, gzipped, against the budgets the tests enforce.
 *
 *   npm run measure [-- <site folder>]
 */
import { BUDGETS, pageKind } from './lib/budgets.ts';
import { listFiles } from './lib/list-files.ts';
import { weighPage } from './lib/site-budget.ts';
import { parseCommandLine, UsageError } from './lib/cli.ts';

let dir = 'dist';
try {
  dir =
    parseCommandLine(
      { command: 'npm run measure', options: {}, positionals: ['[<site folder>]'] },
      process.argv.slice(2),
    ).positionals[0] ?? dir;
} catch (e) {
  if (!(e instanceof UsageError)) throw e;
  console.error(e.message);
  process.exit(2);
}
const pages = listFiles(dir).filter((f) => f.endsWith('.html'));
const byKind = new Map<string, ReturnType<typeof weighPage>[]>();
for (const page of pages) {
  const kind = pageKind(page);
  byKind.set(kind, [...(byKind.get(kind) ?? []), weighPage(dir, page)]);
}
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
console.log(`${pages.length} pages in ${dir}; gzip sizes, largest page of each kind\n`);
console.log(
  `${'kind'.padEnd(16)}${'pages'.padStart(6)}  ${'HTML+CSS'.padStart(9)} (budget)  ${'JS'.padStart(8)} (budget)  ${'JS+lazy'.padStart(8)} (budget)  largest page`,
);
for (const [kind, list] of [...byKind].sort()) {
  const html = list.reduce((a, b) => (b.htmlCss > a.htmlCss ? b : a));
  const js = list.reduce((a, b) => (b.js > a.js ? b : a));
  const lazy = list.reduce((a, b) => (b.jsWithLazy > a.jsWithLazy ? b : a));
  const budget = BUDGETS[kind as keyof typeof BUDGETS] ?? BUDGETS.other;
  console.log(
    `${kind.padEnd(16)}${String(list.length).padStart(6)}  ${kb(html.htmlCss).padStart(9)} (${kb(budget.htmlCss)})  ${kb(js.js).padStart(8)} (${kb(budget.js)})  ${kb(lazy.jsWithLazy).padStart(8)} (${kb(budget.jsWithLazy)})  ${html.page}`,
  );
}
