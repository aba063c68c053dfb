/**
 * The contract between the content pipeline (scripts/build-content.ts) and the site: the schema of
 * every file the pipeline generates for the site, with a doc comment on each field. The pipeline
 * checks its output against it before writing; src/content.config.ts loads each file through it.
 * The site imports these types; the pipeline imports this module (never the other way round).
 */
import { z } from 'zod';
import { ExcerptRecordSchema } from './excerpts.ts';
import { ReleaseChangesSchema, TombstoneSchema } from './releases.ts';
import { SiteSchema } from './site.ts';

export * from './brief.ts';
export * from './codebook.ts';
export * from './excerpts.ts';
export * from './fields.ts';
export * from './releases.ts';
export * from './site.ts';
export * from './study.ts';

/** The folder the site reads generated content from: EVIDENCE_GENERATED_DIR, by default content/generated. */
export function generatedDir(): string {
  return process.env.EVIDENCE_GENERATED_DIR ?? 'content/generated';
}

/** The JSON files of the generated folder, each with its schema. Theme narratives (themes/*.mdx) are prose. */
export const GENERATED_JSON = {
  'site.json': SiteSchema,
  'excerpts.json': z.array(ExcerptRecordSchema),
  'releases.json': z.array(ReleaseChangesSchema),
  'tombstones.json': z.array(TombstoneSchema),
} as const;

/** One way a generated file breaks the contract: the file, the path of the field, and what is wrong. */
export interface ContractViolation { file: string; path: string; message: string }

/**
 * Checks generated files (name -> text) against the contract, returning every violation. A JSON
 * file missing from `files` is one. Theme narratives have no frontmatter: one that has some is a violation.
 */
export function checkGenerated(files: Record<string, string>): ContractViolation[] {
  const violations: ContractViolation[] = [];
  for (const [file, schema] of Object.entries(GENERATED_JSON)) {
    const text = files[file];
    if (text === undefined) { violations.push({ file, path: '', message: 'missing' }); continue; }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (e) {
      violations.push({ file, path: '', message: `not JSON: ${e instanceof Error ? e.message : String(e)}` });
      continue;
    }
    const result = schema.safeParse(data);
    if (!result.success) {
      for (const issue of result.error.issues) violations.push({ file, path: issue.path.map(String).join('.'), message: issue.message });
    }
  }
  for (const [file, text] of Object.entries(files)) {
    if (/^themes\/[^/]+\.mdx$/.test(file) && text.startsWith('---')) violations.push({ file, path: '', message: 'has frontmatter; a narrative holds prose only' });
  }
  return violations;
}
