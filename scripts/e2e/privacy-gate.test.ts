/**
 * The privacy scan as the build runs it (worker threads over the pages and the search index, then
 * the report): a built site with a redaction term planted in one page is not published.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it, vi } from 'vitest';
import { run } from '../build.ts';
import { buildFolders } from '../lib/build-folders.ts';
import { SITE_ADDRESS } from './global-setup.ts';

const work = mkdtempSync(join(tmpdir(), 'privacy-gate-'));
const outs: string[] = [];
afterAll(() => {
  // --only runs leave their folders for the next stage: these are the last.
  for (const folder of outs.flatMap((out) => [
    buildFolders(out, undefined).root,
    buildFolders(out, undefined).reports,
  ])) {
    rmSync(folder, { recursive: true, force: true });
  }
  rmSync(work, { recursive: true, force: true });
});

/**
 * Runs only the content stage, then only the scan stage, of the build on a copy of the test site,
 * changed by `plant` (--only runs of one output folder share its generated folder).
 */
async function scan(plant: (staging: string) => void): Promise<{ ok: boolean; errors: string[] }> {
  const out = join(work, `dist-${Math.random().toString(36).slice(2)}`);
  outs.push(out);
  cpSync(inject('siteDir'), `${out}.staging`, { recursive: true });
  plant(`${out}.staging`);
  const quiet = [
    vi.spyOn(console, 'log').mockImplementation(() => {}),
    vi.spyOn(console, 'error').mockImplementation(() => {}),
  ];
  try {
    expect(await run(['--only', 'content', '--study', 'content/study', '--out', out])).toBe(true);
  } finally {
    for (const spy of quiet) spy.mockRestore();
  }
  const errors: string[] = [];
  const spy = vi.spyOn(console, 'error').mockImplementation((line: string) => {
    errors.push(line);
  });
  // The test site was built for SITE_ADDRESS: its own links name it.
  process.env.SITE_URL = SITE_ADDRESS;
  try {
    return { ok: await run(['--only', 'scan', '--study', 'content/study', '--out', out]), errors };
  } finally {
    delete process.env.SITE_URL;
    spy.mockRestore();
  }
}

describe('the privacy scan stage of the build', () => {
  it('passes the built bundled study', async () => {
    expect(await scan(() => {})).toEqual({ ok: true, errors: [] });
  });

  it('refuses a site with a redaction term in one page, naming the file and the entry', async () => {
    const { ok, errors } = await scan((staging) => {
      const page = join(staging, 'about', 'index.html');
      writeFileSync(page, readFileSync(page, 'utf8').replace('</main>', '<p>Thanks to Dr Hina Shah.</p></main>'));
    });
    expect(ok).toBe(false);
    expect(errors[0]).toMatch(/^Not publishing: \d+ identifiers? found in the built site/);
    expect(errors.slice(1).join('\n')).toMatch(/about\/index\.html: redactions\.yaml entry \d+: "Dr Hina Shah"/);
  });
});
