/**
 * The site's search index: Pagefind, fed the anonymized excerpts the content stage generated
 * (search-records.ts says what each record holds), written once Astro has finished.
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';
import { collectGarbage } from './gc.ts';
import { type SearchRecord, searchRecords } from './search-records.ts';

/**
 * The nice value Pagefind runs at when it starts beside Astro: on two cores the two compete, and
 * Astro's build is the longer; Pagefind adds its records in the time Astro leaves.
 */
const LOW_PRIORITY = 10;

/** The search records of the excerpts in a generated folder. */
export function readSearchRecords(generatedDir: string): SearchRecord[] {
  return searchRecords(JSON.parse(readFileSync(`${generatedDir}/excerpts.json`, 'utf8')));
}

/**
 * The most excerpt text (UTF-8 bytes of the records' content) one shard of the search index holds.
 * Pagefind builds a whole index in one process's memory when it writes it: for the 50 MB text
 * study (55 MB of content in 22,000 records) it peaked at 1.6 GB, which with the build's own
 * process passed the 2 GB goal (npm run bench, 2026-12-02). A study with more text than this is
 * indexed after Astro has exited, in shards of about equal text, one Pagefind process after
 * another, which the search merges in the browser (Pagefind's mergeIndex: results together,
 * filter counts added up); one with less is indexed beside Astro, as one index. Measured on
 * 2026-12-02 (npm run build, peak summed memory, same machine): the wide 20,000-excerpt study
 * (16.3 MB of content) 1,721 MB as one index beside Astro, 1,358 MB in two shards after it, about
 * 2 s slower; the synthetic one (about 8 MB) 1,452 MB beside Astro, 1,305 MB in two shards after
 * it, 2 s slower, so it stays beside.
 */
export const SHARD_TEXT_BYTES = 12 * 2 ** 20;

/**
 * The text a shard holds at most: SHARD_TEXT_BYTES, or EVIDENCE_SEARCH_SHARD_MB when set (a machine
 * with less memory, or a measurement).
 */
export function shardBytes(env: NodeJS.ProcessEnv = process.env): number {
  const mb = Number(env.EVIDENCE_SEARCH_SHARD_MB);
  return env.EVIDENCE_SEARCH_SHARD_MB && mb > 0 ? Math.round(mb * 2 ** 20) : SHARD_TEXT_BYTES;
}

/**
 * The records in consecutive shards of about equal text, none over `maxBytes` unless a single
 * record is; one shard when all fit.
 */
export function searchShards(records: SearchRecord[], maxBytes = SHARD_TEXT_BYTES): SearchRecord[][] {
  const sizes = records.map((r) => Buffer.byteLength(r.content));
  const total = sizes.reduce((a, b) => a + b, 0);
  const target = total / Math.max(1, Math.ceil(total / maxBytes));
  const shards: SearchRecord[][] = [[]];
  let bytes = 0;
  records.forEach((record, i) => {
    if (shards.at(-1)!.length && (bytes + sizes[i] > maxBytes || bytes >= target)) {
      shards.push([]);
      bytes = 0;
    }
    shards.at(-1)!.push(record);
    bytes += sizes[i];
  });
  return shards;
}

/** The file in the index folder listing its other shards, relative to it (`[]` for one shard). */
export const SHARDS_FILE = 'shards.json';

/** An index being built: `write(dir)` writes it into dir/pagefind; `abandon()` ends Pagefind's process. */
export interface SearchIndex {
  write(outDir: string): Promise<number>;
  abandon(): Promise<void>;
}

type PagefindIndex = NonNullable<Awaited<ReturnType<typeof import('pagefind').createIndex>>['index']>;

/** Adds the records to a new index of Pagefind's process; `added` settles when all are in. */
async function indexOf(
  records: SearchRecord[],
  lowPriority: boolean,
): Promise<{ index: PagefindIndex; added: Promise<Error | undefined> }> {
  const pagefind = await import('pagefind');
  const priority = getPriority();
  if (lowPriority) setPriority(LOW_PRIORITY);
  const created = await pagefind.createIndex({});
  if (lowPriority)
    try {
      setPriority(priority);
    } catch {
      /* see above */
    }
  const { index, errors } = created;
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  const add = async (batch: SearchRecord[]) => {
    for (let i = 0; i < batch.length; i += 500) {
      const results = await Promise.all(batch.slice(i, i + 500).map((r) => index.addCustomRecord(r)));
      const failed = results.flatMap((r) => r.errors);
      if (failed.length) throw new Error(`pagefind: ${failed.slice(0, 5).join('; ')}`);
    }
  };
  const added: Promise<Error | undefined> = add(records).then(
    () => {
      collectGarbage();
      return undefined;
    },
    (e: Error) => e,
  );
  return { index, added };
}

/** Writes `index` into `dir` once its records are in. */
async function writeIndex({ index, added }: Awaited<ReturnType<typeof indexOf>>, dir: string): Promise<void> {
  const failed = await added;
  if (failed) throw failed;
  const written = await index.writeFiles({ outputPath: dir });
  if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
}

/**
 * Starts indexing the search records (or what `records()` reads). One shard (searchShards): the
 * records are added in the background, in a Pagefind process at a lower priority when
 * `lowPriority` (beside Astro), until `write()`. More: nothing happens until `write()`, which writes
 * each shard in a Pagefind process of its own, one after another, so that only one shard is ever in
 * Pagefind's memory; records given as a function are read again then, not held meanwhile.
 */
export async function startSearchIndex(
  records: SearchRecord[] | (() => SearchRecord[]),
  { lowPriority = false, shardBytes = SHARD_TEXT_BYTES } = {},
): Promise<SearchIndex> {
  const pagefind = await import('pagefind');
  const read = typeof records === 'function' ? records : () => records;
  const all = read();
  const count = all.length;
  const sizes = searchShards(all, shardBytes).map((shard) => shard.length);
  const first = sizes.length === 1 ? await indexOf(all, lowPriority) : undefined;
  // Several shards: what was read is garbage until write() reads it again; collected now, not
  // when Astro's build is at its peak.
  if (!first) setImmediate(collectGarbage);
  return {
    async write(outDir) {
      const dir = `${outDir}/pagefind`;
      try {
        if (first) {
          await writeIndex(first, dir);
          writeFileSync(`${dir}/${SHARDS_FILE}`, '[]\n');
          return count;
        }
        const list = read();
        const parts = `${outDir}/pagefind-shards`;
        rmSync(parts, { recursive: true, force: true });
        let from = 0;
        for (const [i, size] of sizes.entries()) {
          await writeIndex(await indexOf(list.slice(from, (from += size)), false), `${parts}/${i + 1}`);
          await pagefind.close();
        }
        renameSync(`${parts}/1`, dir);
        const others = sizes.slice(1).map((_, i) => `shard-${i + 2}/`);
        for (const [i, name] of others.entries()) renameSync(`${parts}/${i + 2}`, `${dir}/${name}`);
        rmSync(parts, { recursive: true, force: true });
        writeFileSync(`${dir}/${SHARDS_FILE}`, `${JSON.stringify(others)}\n`);
        return count;
      } finally {
        await pagefind.close();
      }
    },
    abandon: async () => {
      await pagefind.close();
    },
  };
}
