/**
 * The one module of the pipeline that touches the file system: it reads a study folder into
 * texts and writes generated files. Everything between is pure.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { decodeStudyText } from './decode-utf8.ts';
import type { Problem } from './problems.ts';

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
  /** Files that are there but not UTF-8 (their text is left out), one problem each. */
  unreadable?: Problem[];
}

/** A folder as a user would type it: relative inside the project, absolute outside. */
const displayPath = (dir: string) => {
  const rel = relative(process.cwd(), dir);
  return rel.startsWith('..') ? dir : rel || '.';
};

/**
 * Reads every file of the study folder that the pipeline knows: strictly as UTF-8 (a file that is
 * not is reported in `unreadable` and left out) and normalised to NFC.
 */
export function readStudyFolder(dir: string): StudyFiles {
  const shown = displayPath(dir);
  const unreadable: Problem[] = [];
  const read = (path: string) => {
    if (!existsSync(path)) return undefined;
    const decoded = decodeStudyText(readFileSync(path), `${shown}/${relative(dir, path).split('\\').join('/')}`);
    if ('problem' in decoded) {
      unreadable.push(decoded.problem);
      return undefined;
    }
    return decoded.text;
  };
  const themesDir = join(dir, 'themes');
  const narratives: Record<string, string> = {};
  if (existsSync(themesDir)) {
    for (const name of readdirSync(themesDir).sort()) {
      const text = name.endsWith('.mdx') ? read(join(themesDir, name)) : undefined;
      if (text !== undefined) narratives[name.slice(0, -4)] = text;
    }
  }
  const releasesDir = join(dir, 'releases');
  const releases: Record<string, string> = {};
  if (existsSync(releasesDir)) {
    for (const name of readdirSync(releasesDir).sort()) {
      if (!name.endsWith('.json')) continue;
      const text = read(join(releasesDir, name));
      if (text !== undefined) releases[name] = text;
    }
  }
  return {
    dir: shown,
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
    unreadable,
  };
}

/**
 * Replaces `outDir` with exactly `files` (path relative to outDir -> content). Writes into a
 * sibling folder first and swaps, so a failed write never leaves a half-generated folder.
 */
export function replaceFolder(outDir: string, files: Record<string, string | Uint8Array>): void {
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
