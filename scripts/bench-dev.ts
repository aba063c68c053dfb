/**
 * `npm run bench:dev`: how long a save in the study folder takes to show on the dev server's page,
 * for the bundled study. Runs `npm run dev` on a copy of content/study, then, several times each,
 * adds a sentence to a theme's narrative (themes/<id>.mdx) and to its summary (codebook.yaml), and
 * times from the write until the theme page the server returns contains it. Prints the figures;
 * exits non-zero if any edit took longer than the 2 s goal. content/generated is rebuilt from
 * content/study afterwards.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { refreshContent } from './dev.ts';
import { parseCommandLine, UsageError } from './lib/cli.ts';

const GOAL_MS = 2000;
const ROUNDS = 5;

/** Polls `url` until its body contains `text`; milliseconds from `start`. */
async function timeUntil(url: string, text: string, start: number, limitMs = 15_000): Promise<number> {
  while (performance.now() - start < limitMs) {
    const body = await fetch(url).then(
      (r) => r.text(),
      () => '',
    );
    if (body.includes(text)) return performance.now() - start;
    await sleep(20);
  }
  throw new Error(`"${text}" did not appear on ${url} within ${limitMs} ms`);
}

async function main(): Promise<number> {
  const study = join(mkdtempSync(join(tmpdir(), 'bench-dev-')), 'study');
  cpSync('content/study', study, { recursive: true });
  const script = fileURLToPath(new URL('./dev.ts', import.meta.url));
  const port = 4400 + (process.pid % 500);
  // Its own process group, so that Astro's server goes with it.
  const dev = spawn(process.execPath, [script, '--study', study, '--', '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  dev.stdout.on('data', (c) => {
    output += c;
  });
  dev.stderr.on('data', (c) => {
    output += c;
  });
  try {
    const codebookPath = join(study, 'codebook.yaml');
    const theme = /^\s+- id: ([a-z0-9-]+)/m.exec(readFileSync(codebookPath, 'utf8'))![1];
    const page = `http://localhost:${port}/themes/${theme}/`;
    const startup = performance.now();
    // The first request compiles the page: not part of an edit.
    await timeUntil(page, '<h1', startup, 120_000);
    console.log(`dev server up and theme page compiled: ${Math.round(performance.now() - startup)} ms`);
    const figures: Record<string, number[]> = { narrative: [], summary: [] };
    for (let i = 1; i <= ROUNDS; i++) {
      const narrativePath = join(study, 'themes', `${theme}.mdx`);
      const narrativeMark = `Narrative edit ${i} ${Date.now()}.`;
      let start = performance.now();
      writeFileSync(narrativePath, `${readFileSync(narrativePath, 'utf8')}\n${narrativeMark}\n`);
      figures.narrative.push(await timeUntil(page, narrativeMark, start));
      await sleep(300);
      const summaryMark = `Summary edit ${i} ${Date.now()}.`;
      const codebook = readFileSync(codebookPath, 'utf8');
      start = performance.now();
      // The first theme's summary, plain or folded (`summary: >-` and the text on the next line).
      writeFileSync(
        codebookPath,
        codebook.replace(/^(\s+summary: (?:>-\n\s+)?)(?:Summary edit \d+ \d+\. )?/m, `$1${summaryMark} `),
      );
      figures.summary.push(await timeUntil(page, summaryMark, start));
      await sleep(300);
    }
    let ok = true;
    for (const [kind, ms] of Object.entries(figures)) {
      const sorted = [...ms].sort((a, b) => a - b);
      const worst = sorted.at(-1)!;
      ok &&= worst <= GOAL_MS;
      console.log(
        `${kind} edit -> page shows it: median ${Math.round(sorted[Math.floor(sorted.length / 2)])} ms, worst ${Math.round(worst)} ms, all ${sorted.map(Math.round).join(', ')} ms (goal <= ${GOAL_MS} ms)`,
      );
    }
    return ok ? 0 : 1;
  } catch (e) {
    console.error(output);
    throw e;
  } finally {
    try {
      process.kill(-dev.pid!, 'SIGTERM');
    } catch {
      /* already gone */
    }
    await sleep(500);
    rmSync(join(study, '..'), { recursive: true, force: true });
    refreshContent('content/study');
  }
}

try {
  parseCommandLine({ command: 'npm run bench:dev', options: {} }, process.argv.slice(2));
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
} catch (e) {
  if (!(e instanceof UsageError)) throw e;
  console.error(e.message);
  process.exitCode = 2;
}
