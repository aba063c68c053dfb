import { mkdirSync, mkdtempSync, readFileSync, renameSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanBuiltSite } from './scan.ts';
import { FollowingScan } from './scan-following.ts';
import { startSearchIndex } from './search-index.ts';

const redactions = [
  { term: 'Dr. Canary Zafar', replacement: '[a senior colleague]' },
  { pattern: 'Canary General( Hospital)?', replacement: '[a district hospital]' },
];

/** A two-page site with Pagefind's index of the same texts, one clean and one leaking what `leak` holds. */
async function siteWith(leak: string, shardBytes?: number): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'scan-'));
  const pages = [
    ['clean', 'The tool was fast and [a senior colleague] agreed.'],
    ['leaky', leak],
  ];
  for (const [name, body] of pages) {
    mkdirSync(join(dir, name), { recursive: true });
    writeFileSync(
      join(dir, name, 'index.html'),
      `<!doctype html><html lang="en"><head><title>t</title></head><body><main><p>${body}</p></main></body></html>`,
    );
  }
  const search = await startSearchIndex(
    pages.map(([name, body]) => ({
      url: `/${name}/`,
      content: body,
      language: 'en',
      meta: { title: name },
      filters: {},
    })),
    { shardBytes },
  );
  await search.write(dir);
  return dir;
}

/** The scan a build runs after the fact (`--only scan`): worker threads over the pages and the index, and Pagefind's search. */
const scanSite = (dir: string, r: typeof redactions, allowedUrls: string[], publicText: string) =>
  scanBuiltSite(dir, { redactions: r, allowedUrls }, publicText);

describe('the privacy scan of a built site', () => {
  it('passes a site with nothing to hide', async () => {
    expect(
      await scanSite(
        await siteWith('Nothing to see.'),
        redactions,
        [],
        'the tool was fast and a senior colleague agreed nothing to see',
      ),
    ).toEqual([]);
  });

  it('finds a redaction term in HTML, in the decompressed Pagefind fragments, and by Pagefind search', async () => {
    const leaks = await scanSite(await siteWith('Dr. Canary Zafar said so.'), redactions, [], 'the tool was fast');
    const where = leaks.map((l) => `${l.file.replace(/_[0-9a-f]+\./, '_<hash>.')} | ${l.rule} | ${l.found}`);
    expect(where).toEqual(
      expect.arrayContaining([
        'leaky/index.html | redactions.yaml entry 1 | Dr. Canary Zafar',
        'leaky/index.html | detector: honorific and name | Dr. Canary Zafar',
        'pagefind/fragment/en_<hash>.pf_fragment | redactions.yaml entry 1 | Dr. Canary Zafar',
        'pagefind index (/leaky/) | redaction term word found by Pagefind search | zafar',
      ]),
    );
  });

  it('finds a redaction term by Pagefind search in a shard of the index other than the first', async () => {
    // 40 bytes a shard: the clean page and the leaky page each in a shard of their own.
    const dir = await siteWith('Dr. Canary Zafar said so.', 40);
    expect(JSON.parse(readFileSync(join(dir, 'pagefind', 'shards.json'), 'utf8'))).toEqual(['shard-2/']);
    const leaks = await scanSite(dir, redactions, [], 'the tool was fast');
    expect(leaks.map((l) => `${l.file} | ${l.found}`)).toContain('pagefind index (/leaky/) | zafar');
    expect(leaks.some((l) => l.file.startsWith('pagefind/shard-2/fragment/'))).toBe(true);
  });

  it("finds detector hits in published data, but not the site's own links", async () => {
    const leaks = await scanSite(
      await siteWith('Call 0300-1234567 or see https://doi.org/10.1/x and https://evil.example.com/p'),
      [],
      ['https://doi.org/10.1/x'],
      '',
    );
    expect([...new Set(leaks.map((l) => `${l.rule}: ${l.found}`))].sort()).toEqual([
      'detector: URL: https://evil.example.com/p',
      'detector: phone number: 0300-1234567',
    ]);
  });
});

describe('a scan worker that fails', () => {
  it('fails the scan with its error, neither passing the site nor hanging', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scan-'));
    writeFileSync(join(dir, 'index.html'), '<html><body><p>Clean.</p></body></html>');
    mkdirSync(join(dir, 'pagefind'));
    writeFileSync(join(dir, 'pagefind', 'en_0.pf_fragment'), 'not gzip');
    await expect(scanBuiltSite(dir, { redactions: [], allowedUrls: [] }, '')).rejects.toThrow(/incorrect header check/);
  });
});

describe('the scan of pages while they are written', () => {
  const rules = { redactions, allowedUrls: [] };
  const page = (body: string) =>
    `<!doctype html><html lang="en"><head><title>t</title></head><body><main><p>${body}</p></main></body></html>`;
  const MINUTE_AGO = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
  /** Writes a page (with its folder), its modification time a minute ago. */
  function writeSettled(dir: string, file: string, body: string): void {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), page(body));
    utimesSync(join(dir, file), MINUTE_AGO, MINUTE_AGO);
  }
  const found = (leaks: { file: string; found: string }[]) => leaks.map((l) => `${l.file}: ${l.found}`);
  /** A site of settled pages (path -> body), and a scan that has made one pass over it. */
  function followed(pages: Record<string, string>): { dir: string; scan: FollowingScan } {
    const dir = mkdtempSync(join(tmpdir(), 'follow-'));
    for (const [file, body] of Object.entries(pages)) writeSettled(dir, file, body);
    const scan = new FollowingScan(dir, rules);
    scan.follow(0);
    return { dir, scan };
  }

  it('scans settled pages as it follows, and in its final pass only what is new or changed', () => {
    const { dir, scan } = followed({ 'a/index.html': 'Clean.', 'b/index.html': 'Dr. Canary Zafar agreed.' });
    // A page written after that pass, and one rewritten with a leak.
    writeSettled(dir, 'c/index.html', 'Canary General Hospital again.');
    writeFileSync(join(dir, 'a', 'index.html'), page('Said by Dr. Canary Zafar.'));
    const { leaks, files, read } = scan.finish();
    expect({ files, read }).toEqual({ files: 3, read: 2 });
    expect([...new Set(found(leaks))].sort()).toEqual([
      'a/index.html: Dr. Canary Zafar',
      'b/index.html: Dr. Canary Zafar',
      'c/index.html: Canary General Hospital',
    ]);
  });

  it('keeps reading folders of folders: a page added after a pass is scanned by the next one', () => {
    const { dir, scan } = followed({ 'excerpts/E1/index.html': 'Clean.' });
    writeSettled(dir, 'excerpts/E2/index.html', 'Clean too.');
    scan.follow(0);
    expect(scan.finish()).toEqual({ leaks: [], files: 2, read: 0 });
  });

  it('leaves a file over 8 MB (a large download) to the final pass, which scans it', () => {
    const { dir, scan } = followed({ 'a/index.html': 'Clean.' });
    mkdirSync(join(dir, 'data'));
    writeFileSync(join(dir, 'data', 'excerpts.csv'), `${'clean text, '.repeat(800_000)}Dr. Canary Zafar\n`);
    utimesSync(join(dir, 'data', 'excerpts.csv'), MINUTE_AGO, MINUTE_AGO);
    scan.follow(1);
    const { leaks, files, read } = scan.finish();
    expect({ files, read }).toEqual({ files: 2, read: 1 });
    expect(found(leaks)).toContain('data/excerpts.csv: Dr. Canary Zafar');
  });

  it('leaves a page that is still changing to a later pass', () => {
    const dir = mkdtempSync(join(tmpdir(), 'follow-'));
    mkdirSync(join(dir, 'a'));
    writeFileSync(join(dir, 'a', 'index.html'), page('Dr. Canary Zafar, just written.'));
    const scan = new FollowingScan(dir, rules);
    scan.follow(60_000);
    expect(scan.finish().read).toBe(1);
  });

  it('sees a page replaced by another file of the same size and times', () => {
    const { dir, scan } = followed({ 'a/index.html': 'Said by Dr. Kanary Zafar.' });
    // Same length, same modification time; only the inode (and change time) differ.
    writeSettled(dir, 'tmp.html', 'Said by Dr. Canary Zafar.');
    renameSync(join(dir, 'tmp.html'), join(dir, 'a', 'index.html'));
    expect(found(scan.finish().leaks)).toContain('a/index.html: Dr. Canary Zafar');
  });

  it('leaves the search index to its own scan', () => {
    const { scan } = followed({ 'pagefind/pagefind-entry.json': 'Dr. Canary Zafar', 'index.html': 'Clean.' });
    expect(scan.finish()).toEqual({ leaks: [], files: 1, read: 0 });
  });
});
