/**
 * The one module of the pipeline that touches the file system: it reads a study folder into
 * texts and writes generated files. Everything between is pure.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** The raw texts of a study folder; a missing file is `undefined`. */
export interface StudyFiles {
  /** How to name the folder in messages, e.g. `content/study`. */
  dir: string;
  study?: string;
  codebook?: string;
  participants?: string;
  excerpts?: string;
  quotes?: string;
  redactions?: string;
  /** brief.yaml: the policy brief's own text (optional). */
  brief?: string;
  /** themes/<theme-id>.mdx narratives, by theme id. */
  narratives: Record<string, string>;
  /** releases/<version>.json manifests, by file name (`1.0.json`); see scripts/lib/releases.ts. */
  releases?: Record<string, string>;
  /** withdrawn.yaml: why each withdrawn excerpt was withdrawn (optional). */
  withdrawn?: string;
}

/** A folder as a user would type it: relative inside the project, absolute outside. */
const displayPath = (dir: string) => { const rel = relative(process.cwd(), dir); return rel.startsWith('..') ? dir : rel || '.'; };

const read = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined);

/** Reads every file of the study folder that the pipeline knows. */
export function readStudyFolder(dir: string): StudyFiles {
  const themesDir = join(dir, 'themes');
  const narratives: Record<string, string> = {};
  if (existsSync(themesDir)) {
    for (const name of readdirSync(themesDir).sort()) {
      if (name.endsWith('.mdx')) narratives[name.slice(0, -4)] = readFileSync(join(themesDir, name), 'utf8');
    }
  }
  const releasesDir = join(dir, 'releases');
  const releases: Record<string, string> = {};
  if (existsSync(releasesDir)) {
    for (const name of readdirSync(releasesDir).sort()) {
      if (name.endsWith('.json')) releases[name] = readFileSync(join(releasesDir, name), 'utf8');
    }
  }
  return {
    dir: displayPath(dir),
    study: read(join(dir, 'study.yaml')),
    codebook: read(join(dir, 'codebook.yaml')),
    participants: read(join(dir, 'participants.csv')),
    excerpts: read(join(dir, 'excerpts.csv')),
    quotes: read(join(dir, 'quotes.yaml')),
    redactions: read(join(dir, 'redactions.yaml')),
    brief: read(join(dir, 'brief.yaml')),
    narratives,
    releases,
    withdrawn: read(join(dir, 'withdrawn.yaml')),
  };
}

/**
 * Replaces `outDir` with exactly `files` (path relative to outDir -> content). Writes into a
 * sibling folder first and swaps, so a failed write never leaves a half-generated folder.
 */
export function replaceFolder(outDir: string, files: Record<string, string>): void {
  const staging = `${outDir}.tmp`;
  rmSync(staging, { recursive: true, force: true });
  for (const [path, content] of Object.entries(files)) {
    const target = join(staging, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(dirname(outDir), { recursive: true });
  renameSync(staging, outDir);
}
