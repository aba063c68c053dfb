/**
 * The site's content collections, read from what scripts/build-content.ts generates:
 * one MDX file per theme (narrative + generated sections) and all excerpts as one data collection.
 */
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { ExcerptRecordSchema } from '../scripts/lib/schema.ts';

export const collections = {
  themes: defineCollection({ loader: glob({ pattern: '*.mdx', base: './content/generated/themes' }) }),
  excerpts: defineCollection({ loader: file('./content/generated/excerpts.json'), schema: ExcerptRecordSchema }),
};
