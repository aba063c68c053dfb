/**
 * What every /data/ endpoint does: make its file, and answer with it. Files are made one at a time
 * and each is let go once served (a build serves each once): at 20,000 excerpts of the benchmark's
 * wide shape, all downloads held together for the whole build were over 100 MB of Astro's memory
 * beside the pages (docs/benchmarks.md). The data page needs every file's size: a file it sizes
 * before its endpoint has served it is kept until then, one sized after is made again and let go.
 */
import type { APIRoute } from 'astro';
import { excerpts } from '../../lib/excerpts';
import { downloadByFile } from './_dictionary.ts';
import { buildDownload } from './_files.ts';
import { codebookQdc } from './_qdc.ts';

interface Made {
  /** The excerpts they were made from: made again when excerpts.json changes (npm run dev). */
  of: unknown;
  /** Files made and not yet served. */
  waiting: Map<string, string>;
  /** Files served, and the size of every file made. */
  served: Set<string>;
  sizes: Map<string, number>;
}
let made: Made | undefined;

function current(): Made {
  const list = excerpts();
  if (made?.of !== list) made = { of: list, waiting: new Map(), served: new Set(), sizes: new Map() };
  return made;
}

function make(file: string): string {
  const text = file === 'codebook.qdc' ? codebookQdc() : buildDownload(file, excerpts());
  current().sizes.set(file, Buffer.byteLength(text));
  return text;
}

/** One download's content (the data page shows the citation files). */
export function downloadText(file: string): string {
  const m = current();
  const text = m.waiting.get(file) ?? make(file);
  if (!m.served.has(file)) m.waiting.set(file, text);
  return text;
}

/** One download's size in bytes. */
export function downloadSize(file: string): number {
  return current().sizes.get(file) ?? Buffer.byteLength(downloadText(file));
}

/** The GET handler of the endpoint for `file`, sent with the type the data dictionary gives. */
export function serve(file: string): APIRoute {
  const { mediaType } = downloadByFile(file);
  return () => {
    const m = current();
    const text = m.waiting.get(file) ?? make(file);
    m.waiting.delete(file);
    m.served.add(file);
    return new Response(text, { headers: { 'Content-Type': mediaType } });
  };
}
