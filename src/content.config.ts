/**
 * The site's content collections: every file scripts/build-content.ts generates, read from the
 * generated folder (src/contract's generatedDir()) and checked against the contract's schemas.
 * site.json is one object: it loads as the single entry `site` of the `site` collection.
 * excerpts.json is not a collection: src/lib/excerpts.ts reads it, against the same contract, and
 * says why (the content layer's data store cost 5 s and a second copy of the text at 20,000 excerpts).
 */
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import {
  generatedDir,
  ReleaseChangesSchema,
  SiteSchema,
  ThemeNarrativeSchema,
  TombstoneSchema,
} from './contract/index.ts';

const dir = generatedDir();
/** A JSON list whose entries have no `id`, keyed by their `key` field (a file loader needs an id per entry). */
function keyedBy(key: string): (text: string) => Record<string, Record<string, unknown>> {
  return (text) => {
    const list: unknown = JSON.parse(text);
    if (!Array.isArray(list)) throw new Error(`expected a JSON list of entries with a "${key}"`);
    return Object.fromEntries(
      list.map((item: unknown) => {
        const entry: Record<string, unknown> = Object(item);
        return [String(entry[key]), entry];
      }),
    );
  };
}

export const collections = {
  site: defineCollection({
    loader: file(`${dir}/site.json`, { parser: (text) => ({ site: JSON.parse(text) }) }),
    schema: SiteSchema,
  }),
  themes: defineCollection({ loader: glob({ pattern: '*.mdx', base: `${dir}/themes` }), schema: ThemeNarrativeSchema }),
  releases: defineCollection({
    loader: file(`${dir}/releases.json`, { parser: keyedBy('version') }),
    schema: ReleaseChangesSchema,
  }),
  tombstones: defineCollection({ loader: file(`${dir}/tombstones.json`), schema: TombstoneSchema }),
};
