/**
 * The search index in shards finds what the one index finds: the same results and the same filter
 * counts, for words, filters and both, over the bundled study's excerpts (ranking may differ).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContent } from '../build-content.ts';
import { readStudyFolder } from './study-files.ts';
import { SHARD_TEXT_BYTES, searchShards, shardBytes, startSearchIndex } from './search-index.ts';
import { searchRecords, type SearchRecord } from './search-records.ts';
import { serveStatic } from './static-server.ts';

const records: SearchRecord[] = searchRecords(
  JSON.parse(buildContent(readStudyFolder('content/study')).generated['excerpts.json']),
);
const record = (bytes: number): SearchRecord => ({
  url: '/',
  content: 'x'.repeat(bytes),
  language: 'en',
  meta: {},
  filters: {},
});

describe('shardBytes', () => {
  it('is SHARD_TEXT_BYTES, or EVIDENCE_SEARCH_SHARD_MB when that is a positive number', () => {
    expect(shardBytes({})).toBe(SHARD_TEXT_BYTES);
    expect(shardBytes({ EVIDENCE_SEARCH_SHARD_MB: '4' })).toBe(4 * 2 ** 20);
    expect(shardBytes({ EVIDENCE_SEARCH_SHARD_MB: '0.5' })).toBe(2 ** 19);
    expect(shardBytes({ EVIDENCE_SEARCH_SHARD_MB: 'lots' })).toBe(SHARD_TEXT_BYTES);
    expect(shardBytes({ EVIDENCE_SEARCH_SHARD_MB: '-1' })).toBe(SHARD_TEXT_BYTES);
  });
});

describe('searchShards', () => {
  it('keeps every record, in order, in shards of about equal text, none over the limit', () => {
    const sizes = [5, 5, 5, 5, 5, 5, 5, 5, 5, 5].map(record);
    expect(searchShards(sizes, 100).map((s) => s.length)).toEqual([10]);
    expect(searchShards(sizes, 30).map((s) => s.length)).toEqual([5, 5]);
    expect(searchShards(sizes, 20).map((s) => s.length)).toEqual([4, 4, 2]);
    expect(searchShards(sizes, 20).flat()).toEqual(sizes);
    // A record longer than the limit has a shard of its own.
    expect(searchShards([record(5), record(50), record(5)], 20).map((s) => s.map((r) => r.content.length))).toEqual([
      [5],
      [50],
      [5],
    ]);
  });
});

type Found = { urls: string[]; filters: Record<string, Record<string, number>> };
interface PagefindApi {
  options(o: object): Promise<void>;
  mergeIndex(path: string): Promise<void>;
  search(
    q: string | null,
    o?: object,
  ): Promise<{ results: { data(): Promise<{ url: string }> }[]; filters: Found['filters'] }>;
}

describe('the search index in shards', () => {
  const work = mkdtempSync(join(tmpdir(), 'search-shards-'));
  const served: { close(): void }[] = [];
  let whole: PagefindApi;
  let sharded: PagefindApi;
  let imports = 0;

  /** Writes the index into `dir` with `shardBytes` a shard, and opens it as the explorer does. */
  async function open(dir: string, shardBytes?: number): Promise<PagefindApi> {
    await (await startSearchIndex(records, { shardBytes })).write(dir);
    const { server, url } = await serveStatic(dir);
    served.push(server);
    const pagefind = (await import(
      `${pathToFileURL(join(dir, 'pagefind', 'pagefind.js')).href}?shards=${++imports}`
    )) as PagefindApi;
    await pagefind.options({ basePath: `${url}/pagefind/` });
    const shards = JSON.parse(readFileSync(join(dir, 'pagefind', 'shards.json'), 'utf8')) as string[];
    for (const shard of shards) await pagefind.mergeIndex(`${url}/pagefind/${shard}`);
    return pagefind;
  }

  beforeAll(async () => {
    const total = records.reduce((n, r) => n + Buffer.byteLength(r.content), 0);
    whole = await open(join(work, 'whole'));
    // At most 40% of the text a shard: three shards of about a third each.
    sharded = await open(join(work, 'sharded'), Math.ceil(total * 0.4));
    expect(JSON.parse(readFileSync(join(work, 'sharded', 'pagefind', 'shards.json'), 'utf8'))).toEqual([
      'shard-2/',
      'shard-3/',
    ]);
    expect(JSON.parse(readFileSync(join(work, 'whole', 'pagefind', 'shards.json'), 'utf8'))).toEqual([]);
  }, 60_000);
  afterAll(() => {
    for (const s of served) s.close();
    rmSync(work, { recursive: true, force: true });
  });

  const found = async (pagefind: PagefindApi, q: string | null, filters?: object): Promise<Found> => {
    const { results, filters: counts } = await pagefind.search(q, filters ? { filters } : {});
    // Each index is served on a port of its own: the path is what the reader follows.
    const urls = (await Promise.all(results.map((r) => r.data()))).map((d) => new URL(d.url).pathname).sort();
    return { urls, filters: counts };
  };

  const theme = records[0].filters.theme[0];
  it.each([
    ['a word', 'trust', undefined],
    ['a rarer word', 'electricity', undefined],
    ['two words', 'patients time', undefined],
    ['a filter alone', null, { theme: { any: [theme] } }],
    ['a word and a filter', 'doctor', { theme: { any: [theme] } }],
  ])('finds the same excerpts and counts the same filters: %s', async (_, q, filters) => {
    const one = await found(whole, q, filters);
    expect(one.urls.length).toBeGreaterThan(0);
    expect(await found(sharded, q, filters)).toEqual(one);
  });
});
