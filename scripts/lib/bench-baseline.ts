/**
 * The baseline the benchmark measures the site against: a plain Astro 7 site that renders the same
 * excerpts as one MDX file each (the way a team would publish them without this pipeline), with
 * Pagefind's CLI indexing the built pages. Written at run time under .build/ (outside the type
 * check and the site); only its files' texts live here.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from './parse-csv.ts';

const CONFIG = `import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
export default defineConfig({ integrations: [mdx()], build: { format: 'directory' } });
`;

const COLLECTIONS = `import { defineCollection, z } from 'astro:content';
import { glob } from 'astro/loaders';
export const collections = {
  excerpts: defineCollection({
    loader: glob({ pattern: '*.mdx', base: './src/content/excerpts' }),
    schema: z.object({ participant: z.string(), codes: z.array(z.string()) }),
  }),
};
`;

const PAGE = `---
import { getCollection, render } from 'astro:content';
export async function getStaticPaths() {
  const excerpts = await getCollection('excerpts');
  return excerpts.map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<html lang="en"><head><meta charset="utf-8" /><title>Excerpt {entry.id}</title></head>
<body><main data-pagefind-body><h1>Excerpt {entry.id}</h1><p>{entry.data.participant}: {entry.data.codes.join(', ')}</p><Content /></main></body></html>
`;

/** MDX treats these as syntax; a team's text must be escaped to stay text. */
const escapeMdx = (text: string) => text.replace(/[{}<>\\`*_[\]#|~]/g, (c) => `\\${c}`);

/** Writes the baseline project for a study folder's excerpts.csv into `dir`. Returns the number of MDX files. */
export function writeBaseline(dir: string, excerptsCsv: string): number {
  rmSync(dir, { recursive: true, force: true });
  const content = join(dir, 'src/content/excerpts');
  mkdirSync(content, { recursive: true });
  mkdirSync(join(dir, 'src/pages/excerpts'), { recursive: true });
  writeFileSync(join(dir, 'astro.config.mjs'), CONFIG);
  writeFileSync(join(dir, 'src/content.config.ts'), COLLECTIONS);
  writeFileSync(join(dir, 'src/pages/excerpts/[id].astro'), PAGE);
  writeFileSync(join(dir, 'package.json'), '{ "name": "mdx-baseline", "private": true, "type": "module" }\n');
  const { rows } = parseCsv(excerptsCsv, 'excerpts.csv', []);
  for (const { cells: r } of rows) {
    const codes = r.codes.split(';').filter(Boolean);
    const original = r.original_text
      ? `\n\n<p lang="${r.original_lang}" dir="rtl">${escapeMdx(r.original_text)}</p>\n`
      : '\n';
    writeFileSync(
      join(content, `${r.id}.mdx`),
      `---\nparticipant: ${JSON.stringify(r.participant)}\ncodes: ${JSON.stringify(codes)}\n---\n\n${escapeMdx(r.text)}\n${original}`,
    );
  }
  return rows.length;
}
