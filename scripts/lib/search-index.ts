/**
 * The site's search index: Pagefind, fed the anonymized excerpts the content stage generated
 * (search-records.ts says what each record holds), written once Astro has finished.
 */
import { readFileSync } from 'node:fs';
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

/** An index being built: `write(dir)` writes it into dir/pagefind; `abandon()` ends Pagefind's process. */
export interface SearchIndex {
  write(outDir: string): Promise<number>;
  abandon(): Promise<void>;
}

/** Starts indexing the search records; they are added in the background until `write()`. */
export async function startSearchIndex(records: SearchRecord[], { lowPriority = false } = {}): Promise<SearchIndex> {
  const pagefind = await import('pagefind');
  // Pagefind's process inherits the priority of this thread when it starts.
  const priority = getPriority();
  if (lowPriority) setPriority(LOW_PRIORITY);
  const created = await pagefind.createIndex({});
  // Only root may raise it again; otherwise this thread and the scan workers it starts later stay
  // at the lower priority, which costs nothing once Astro has finished.
  if (lowPriority)
    try {
      setPriority(priority);
    } catch {
      /* see above */
    }
  const { index, errors } = created;
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  const count = records.length;
  // The records are the loop's own argument, not held by write() and abandon(): at 20,000
  // excerpts they are over 100 MB that can go once Pagefind has them.
  const add = async (batch: SearchRecord[]) => {
    // In batches: 20,000 records in flight at once only fill memory.
    for (let i = 0; i < batch.length; i += 500) {
      const results = await Promise.all(batch.slice(i, i + 500).map((r) => index.addCustomRecord(r)));
      const failed = results.flatMap((r) => r.errors);
      if (failed.length) throw new Error(`pagefind: ${failed.slice(0, 5).join('; ')}`);
    }
  };
  // Kept as a value until write() reports it: nothing waits on the records while Astro builds.
  // Once Pagefind has them all, the records (and the JSON they came from) are garbage: collected
  // at once, not left to the build's thread beside Astro for the rest of its build (gc.ts).
  const added: Promise<Error | undefined> = add(records).then(
    () => {
      collectGarbage();
      return undefined;
    },
    (e: Error) => e,
  );
  return {
    async write(outDir) {
      try {
        const failed = await added;
        if (failed) throw failed;
        const written = await index.writeFiles({ outputPath: `${outDir}/pagefind` });
        if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
        return count;
      } finally {
        await pagefind.close();
      }
    },
    // The build has failed elsewhere: what the records came to no longer matters.
    abandon: async () => {
      await pagefind.close();
    },
  };
}
