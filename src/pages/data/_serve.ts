/** What every /data/ endpoint does: build all downloads once per build, and answer with one of them. */
import type { APIRoute } from 'astro';
import { excerpts } from '../../lib/excerpts';
import { downloadByFile } from './_dictionary.ts';
import { buildDownloads } from './_files.ts';
import { codebookQdc } from './_qdc.ts';

let built: { of: unknown; files: Record<string, string> } | undefined;

/** Every download's content by file name, built on first use. */
export function allDownloads(): Record<string, string> {
  const list = excerpts();
  // Built again only when the excerpts change (npm run dev rewriting excerpts.json).
  if (built?.of !== list) built = { of: list, files: { ...buildDownloads(list), 'codebook.qdc': codebookQdc() } };
  return built.files;
}

/** The GET handler of the endpoint for `file`, sent with the type the data dictionary gives. */
export function serve(file: string): APIRoute {
  const { mediaType } = downloadByFile(file);
  return async () => new Response(allDownloads()[file], { headers: { 'Content-Type': mediaType } });
}
