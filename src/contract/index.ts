/**
 * The contract between the content pipeline (scripts/build-content.ts) and the site: the schema of
 * every file the pipeline generates for the site, with a doc comment on each field. The pipeline
 * checks its output against it before writing; src/content.config.ts loads each file through it.
 * The site imports these types; the pipeline imports this module (never the other way round).
 *
 * A new field the site shows goes here first: on ThemeSchema (codebook.ts) when the team writes
 * it in codebook.yaml, or on SiteThemeSchema when the pipeline derives it; then scripts/build-content.ts
 * sets it (its output is typed `Site`, so the compiler asks for it), and src/ reads it typed.
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

/**
 * The folder the site reads generated content from: EVIDENCE_GENERATED_DIR (scripts/build.ts gives
 * each build its own), by default content/generated. Set but empty counts as unset, as in a shell.
 */
export function generatedDir(): string {
  return process.env.EVIDENCE_GENERATED_DIR || 'content/generated';
}

/** The JSON files of the generated folder, each with its schema. Theme narratives (themes/*.mdx) are prose. */
export const GENERATED_JSON = {
  'site.json': SiteSchema,
  'excerpts.json': z.array(ExcerptRecordSchema),
  'releases.json': z.array(ReleaseChangesSchema),
  'tombstones.json': z.array(TombstoneSchema),
} as const;

/** A file's JSON, or undefined when it is missing or not JSON (reported by checkGenerated). */
function parsedJson(text: string | undefined): unknown {
  try {
    return text === undefined ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** One way a generated file breaks the contract: the file, the path of the field, and what is wrong. */
export interface ContractViolation {
  file: string;
  path: string;
  message: string;
}

/**
 * Checks generated files (name -> text) against the contract, returning every violation: a JSON
 * file missing or not as its schema says, a narrative with frontmatter, a theme without its
 * narrative or a narrative without its theme.
 */
export function checkGenerated(files: Record<string, string>): ContractViolation[] {
  const violations: ContractViolation[] = [];
  for (const [file, schema] of Object.entries(GENERATED_JSON)) {
    const text = files[file];
    if (text === undefined) {
      violations.push({ file, path: '', message: 'missing' });
      continue;
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (e) {
      violations.push({ file, path: '', message: `not JSON: ${e instanceof Error ? e.message : String(e)}` });
      continue;
    }
    const result = schema.safeParse(data);
    if (!result.success) {
      for (const issue of result.error.issues)
        violations.push({ file, path: issue.path.map(String).join('.'), message: issue.message });
    }
  }
  const narratives = Object.keys(files).filter((file) => /^themes\/[^/]+\.mdx$/.test(file));
  for (const file of narratives) {
    if (files[file].startsWith('---'))
      violations.push({ file, path: '', message: 'has frontmatter; a narrative holds prose only' });
  }
  // Each theme page pairs a theme of site.json with its narrative by id: one without the other has no page.
  const site = SiteSchema.safeParse(parsedJson(files['site.json']));
  if (site.success) {
    const ids = site.data.themes.map((t) => t.id);
    for (const [i, id] of ids.entries()) {
      if (!files[`themes/${id}.mdx`])
        violations.push({
          file: 'site.json',
          path: `themes.${i}.id`,
          message: `theme "${id}" has no narrative themes/${id}.mdx`,
        });
    }
    for (const file of narratives) {
      if (!ids.includes(file.slice('themes/'.length, -'.mdx'.length)))
        violations.push({ file, path: '', message: 'is the narrative of no theme in site.json' });
    }
  }
  return violations;
}
