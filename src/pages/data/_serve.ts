/** What every /data/ endpoint does: build all downloads once per build, and answer with one of them. */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { downloadByFile } from './_dictionary.ts';
import { buildDownloads } from './_files.ts';
import { codebookQdc } from './_qdc.ts';

let built: Promise<Record<string, string>> | undefined;

/** Every download's content by file name, built on first use. */
export function allDownloads(): Promise<Record<string, string>> {
  built ??= getCollection('excerpts').then((entries) => ({
    ...buildDownloads(entries.map((e) => e.data)),
    'codebook.qdc': codebookQdc(),
  }));
  return built;
}

/** The GET handler of the endpoint for `file`, sent with the type the data dictionary gives. */
export function serve(file: string): APIRoute {
  const { mediaType } = downloadByFile(file);
  return async () => new Response((await allDownloads())[file], { headers: { 'Content-Type': mediaType } });
}
