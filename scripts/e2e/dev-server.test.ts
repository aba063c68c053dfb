/**
 * `npm run dev` shows a changed excerpt: Astro's dev server on a generated folder of its own (the
 * tiny fixture's), then excerpts.json rewritten as the content stage rewrites it after a save, and
 * the excerpt's page polled until it shows the new text. excerpts.json is not a content collection
 * (src/lib/excerpts.ts), so the dev server learns of the change only from the plugin in
 * src/lib/vite-excerpts-reload.ts; without it, the page kept the old text.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContent } from '../build-content.ts';
import { updateFolder } from '../dev.ts';
import { readStudyFolder } from '../lib/study-files.ts';
import { REPO_DIR } from '../lib/build-folders.ts';
import { astroEnv } from '../lib/build-stages.ts';

const work = mkdtempSync(join(tmpdir(), 'dev-server-'));
const generated = join(work, 'generated');
const port = 4900 + (process.pid % 400);
const page = `http://localhost:${port}/excerpts/E0001/`;
let server: ChildProcess;
let output = '';

/** The page's HTML once it contains `text`, polling for up to `ms`. */
async function pageWith(text: string, ms: number): Promise<string> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const body = await fetch(page, { signal: AbortSignal.timeout(30_000) }).then(
      (r) => r.text(),
      () => '',
    );
    if (body.includes(text)) return body;
    if (server.exitCode !== null) break;
    await sleep(100);
  }
  throw new Error(`${page} did not show "${text}" within ${ms} ms; the server said:\n${output.slice(-2000)}`);
}

/** The tiny study's generated files, with `from` replaced by `to` in its excerpts.csv. */
function generate(from: string, to: string): Record<string, string> {
  const files = readStudyFolder('scripts/fixtures/tiny-study');
  files.excerpts = files.excerpts?.replace(from, to);
  return buildContent(files).generated;
}

beforeAll(async () => {
  updateFolder(generated, generate('', ''));
  const astro = join(REPO_DIR, 'node_modules/astro/bin/astro.mjs');
  // In this checkout's root: Astro's dev server resolves its packages and compiles components
  // there (a root of its own, as each build has, failed on both). Astro refuses a second dev
  // server in one root, so this fails, saying so, while `npm run dev` runs in this checkout.
  server = spawn(process.execPath, [astro, 'dev', '--port', String(port)], {
    cwd: REPO_DIR,
    env: { ...astroEnv(), EVIDENCE_GENERATED_DIR: generated, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  server.stdout!.on('data', (c) => (output += c));
  server.stderr!.on('data', (c) => (output += c));
  server.on('exit', (code) => (output += `\n(the dev server exited with code ${code})`));
  await pageWith('gave me back an hour', 90_000);
}, 120_000);

afterAll(() => {
  try {
    process.kill(-server.pid!, 'SIGTERM');
  } catch {
    /* already gone */
  }
  rmSync(work, { recursive: true, force: true });
});

describe('npm run dev', () => {
  it('shows an excerpt edited in the study folder on its page, without a restart', async () => {
    const changed = updateFolder(generated, generate('gave me back an hour', 'gave me back a whole morning'));
    expect(changed).toContain('excerpts.json');
    const body = await pageWith('gave me back a whole morning', 15_000);
    expect(body).not.toContain('gave me back an hour');
  }, 30_000);
});
