/**
 * The search index asked, as a reader would ask it: Pagefind's own search API, for every word of
 * every redaction term.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { redactionWords, type Leak } from './find-leaks.ts';
import type { ScanRules } from './scan-texts.ts';
import { SHARDS_FILE } from './search-index.ts';
import { serveStatic } from './static-server.ts';

/** Each scan imports Pagefind afresh: a second build in the same process must not reuse the first index. */
let scans = 0;

/** Words of redaction terms that Pagefind's search finds, though no published excerpt contains them. */
async function searchIndex(siteDir: string, words: string[], publicWords: Set<string>): Promise<Leak[]> {
  const suspects = words.filter((w) => !publicWords.has(w));
  if (!suspects.length) return [];
  const { server, url } = await serveStatic(siteDir);
  try {
    const pagefind = await import(`${pathToFileURL(join(siteDir, 'pagefind', 'pagefind.js')).href}?scan=${++scans}`);
    await pagefind.options({ basePath: `${url}/pagefind/` });
    // Every shard of the index, as the explorer searches them (scripts/lib/search-index.ts).
    const shardsFile = join(siteDir, 'pagefind', SHARDS_FILE);
    const shards = existsSync(shardsFile) ? (JSON.parse(readFileSync(shardsFile, 'utf8')) as string[]) : [];
    for (const shard of shards) await pagefind.mergeIndex(`${url}/pagefind/${shard}`);
    const leaks: Leak[] = [];
    for (const word of suspects) {
      // Pagefind falls back to prefixes when a word is missing ("akhtar" finds "a", "prof" finds
      // "professional"), so a result is a leak only if a highlighted word begins with the searched
      // one and is not a word of the published, anonymized text. Exact hits rank first.
      const { results } = await pagefind.search(word);
      for (const r of results.slice(0, 10)) {
        const data = await r.data();
        const marked = [...data.excerpt.matchAll(/<mark>([^<]*)<\/mark>/g)].map((m: RegExpMatchArray) =>
          m[1].toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''),
        );
        if (marked.some((m: string) => m.startsWith(word) && !publicWords.has(m)))
          leaks.push({
            file: `pagefind index (${data.url.replace(url, '')})`,
            rule: 'redaction term word found by Pagefind search',
            found: word,
          });
      }
    }
    await pagefind.destroy?.();
    return leaks;
  } finally {
    server.close();
  }
}

/** The words of the published, anonymized text, lowercased: a redaction word among them is no leak. */
export function publicWords(publicText: string): Set<string> {
  return new Set(publicText.toLowerCase().split(/[^\p{L}\p{N}]+/u));
}

/** Asks Pagefind's search for every word of every redaction term. */
export async function searchIndexForRedactions(
  siteDir: string,
  rules: ScanRules,
  published: Set<string>,
): Promise<Leak[]> {
  return searchIndex(siteDir, redactionWords(rules.redactions), published);
}
