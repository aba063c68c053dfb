/**
 * The site's content collections, read from what scripts/build-content.ts generates:
 * one MDX file per theme (narrative + generated sections) and all excerpts as one data collection.
 */
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { ExcerptRecordSchema } from '../scripts/lib/schema.ts';

/** The content stage's output: a folder of the build's own (scripts/build.ts), else content/generated. */
const generated = process.env.EVIDENCE_GENERATED_DIR || './content/generated';

export const collections = {
  themes: defineCollection({ loader: glob({ pattern: '*.mdx', base: `${generated}/themes` }) }),
  excerpts: defineCollection({ loader: file(`${generated}/excerpts.json`), schema: ExcerptRecordSchema }),
};
