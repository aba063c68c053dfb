/**
 * The published excerpts, read from the generated folder's excerpts.json and checked against the
 * contract's schema (`ExcerptRecordSchema`), for every page and endpoint that shows them.
 *
 * Why not a content collection, as site.json, the narratives and the releases are: Astro's content
 * layer serialises every collection into one data store and, in a build, compiles that store as one
 * JavaScript module holding the whole text as a string literal. At 20,000 excerpts of the
 * benchmark's wide shape, compiling it took 5.2 s of Astro's build and the store stayed in Astro's
 * heap beside the entries made from it (docs/benchmarks.md, 2026-12-02). Reading the JSON here
 * parses it once, keeps one copy, and checks it against the same schema the collection did.
 *
 * The list is read again when the file changes (size or modification time), so `npm run dev`
 * shows a changed excerpt after the content stage rewrites the file; astro.config.mjs tells the dev
 * server to drop its cached routes when it does.
 */
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { ExcerptRecordSchema, generatedDir, type ExcerptRecord } from '../contract/index.ts';

interface Loaded {
  /** What the file was when read: a change to either reads it again. */
  stamp: string;
  list: ExcerptRecord[];
  byId: Map<string, ExcerptRecord>;
}

let loaded: Loaded | undefined;

/** The path of excerpts.json in the generated folder this build reads. */
export function excerptsFile(): string {
  return resolve(join(generatedDir(), 'excerpts.json'));
}

/** Every problem of a parsed excerpts.json against the contract, one line each (empty when it holds). */
export function excerptProblems(file: string, value: unknown): string[] {
  const result = z.array(ExcerptRecordSchema).safeParse(value);
  if (result.success) return [];
  return result.error.issues.map((issue) => `${file}: ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
}

function load(): Loaded {
  const file = excerptsFile();
  const { size, mtimeMs } = statSync(file);
  const stamp = `${size}:${mtimeMs}`;
  if (loaded?.stamp === stamp) return loaded;
  const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const problems = excerptProblems(file, value);
  if (problems.length) {
    throw new Error(
      `excerpts.json does not hold to the contract (src/contract/excerpts.ts), a bug in the content stage:\n${problems.join('\n')}`,
    );
  }
  // Checked just above; the schema's parse would copy every record, so the parsed value is kept.
  const list = value as ExcerptRecord[];
  loaded = { stamp, list, byId: new Map(list.map((e) => [e.id, e])) };
  return loaded;
}

/** Every published excerpt, in the order of excerpts.json. The same array until the file changes. */
export function excerpts(): ExcerptRecord[] {
  return load().list;
}

/** The published excerpt `id`, or undefined. */
export function excerptById(id: string): ExcerptRecord | undefined {
  return load().byId.get(id);
}
