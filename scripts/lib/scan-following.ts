/**
 * The privacy scan of the pages while Astro is still writing them (see FollowingScan).
 */
import { type BigIntStats, type Dirent, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { leakFinder, type Leak, type SiteText } from './find-leaks.ts';
import { listFiles } from './list-files.ts';
import { fileTexts, type ScanRules } from './scan-texts.ts';

/** A file as it is on disk now: any write, truncation, rename or replacement changes this. */
function identity(s: BigIntStats): string {
  return `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
}

/** Milliseconds since a file or folder last changed (its content or its entry). */
function ageMs(s: BigIntStats): number {
  return Date.now() - Number((s.mtimeNs > s.ctimeNs ? s.mtimeNs : s.ctimeNs) / 1_000_000n);
}

/**
 * While following, a file larger than this is left to the final pass, which runs once Astro has
 * exited: for the 50 MB text study, reading its downloads (excerpts.csv and excerpts.json, 55 MB
 * each) beside Astro added about 250 MB to the build's process at the build's peak (2026-12-02).
 */
const FOLLOW_MAX_BYTES = 8n * 2n ** 20n;

/**
 * The privacy scan of the pages of a site that is still being written. Astro writes 20,000 pages
 * over half a minute on one core; `follow()` scans each page once it has not changed for a
 * second, on the time Astro leaves idle, and remembers the file it scanned by its identity
 * (device, inode, size, modification and change times). Once nothing writes to the site any
 * more, `finish()` lists every page again and scans each one that is new or is not the file that
 * was scanned: only what `finish()` returns decides whether the site is published.
 * The search index (pagefind/) is not a page: it is scanned on its own.
 */
export class FollowingScan {
  readonly #siteDir: string;
  readonly #find: (text: SiteText) => Leak[];
  /** Each scanned file: its identity when scanned, and what was found in it. */
  readonly #scanned = new Map<string, { identity: string; leaks: Leak[] }>();
  /** Folders of files only, read completely while following, every file in them scanned. */
  readonly #complete = new Set<string>();
  /** Files read so far. */
  #reads = 0;

  constructor(siteDir: string, rules: ScanRules) {
    this.#siteDir = siteDir;
    this.#find = leakFinder(rules.redactions, rules.allowedUrls, rules.generatedIds);
  }

  /**
   * One pass while the site is being written: scans the pages not scanned yet that have not
   * changed for `settledMs`. A folder of files only (most are one page's folder), once read
   * completely and unchanged for `settledMs`, is not looked at again: Astro writes each page's
   * folder once, and at 20,000 pages even a stat of every folder each second adds up. Folders
   * with folders in them are read on every pass. This is a saving only: `finish()` checks every
   * file.
   */
  follow(settledMs = 1000): void {
    const walk = (dir: string): boolean => {
      if (this.#complete.has(dir)) return true;
      let stat: BigIntStats;
      let entries: Dirent[];
      try {
        stat = statSync(join(this.#siteDir, dir), { bigint: true });
        entries = readdirSync(join(this.#siteDir, dir), { withFileTypes: true });
      } catch {
        return false; // not there yet, or removed while being read
      }
      let complete = ageMs(stat) >= settledMs;
      let leaf = true;
      for (const entry of entries) {
        const path = dir ? `${dir}/${entry.name}` : entry.name;
        if (path === 'pagefind') continue;
        if (entry.isDirectory()) leaf = false;
        const done = entry.isDirectory() ? walk(path) : !entry.isFile() || this.#scan(path, settledMs) !== undefined;
        complete &&= done;
      }
      if (complete && leaf) this.#complete.add(dir);
      return complete;
    };
    walk('');
  }

  /**
   * Once nothing writes to the site: every page scanned as it is now. Returns every leak found,
   * the number of pages and how many of them this pass had to read.
   */
  finish(): { leaks: Leak[]; files: number; read: number } {
    const files = listFiles(this.#siteDir).filter((file) => !file.startsWith('pagefind/'));
    const leaks: Leak[] = [];
    const before = this.#reads;
    for (const file of files) {
      const scanned = this.#scan(file, 0);
      if (!scanned)
        throw new Error(
          `privacy scan: ${file} changed while it was read; nothing may write to the site during the final scan`,
        );
      leaks.push(...scanned.leaks);
    }
    return { leaks, files: files.length, read: this.#reads - before };
  }

  /**
   * Scans one file unless the file there now is the one scanned before. While following
   * (`settledMs` > 0), undefined when it changed in the last `settledMs`, changed while it was
   * read, or could not be read; in the final pass these are errors.
   */
  #scan(file: string, settledMs: number): { identity: string; leaks: Leak[] } | undefined {
    const path = join(this.#siteDir, file);
    try {
      const before = statSync(path, { bigint: true });
      const known = this.#scanned.get(file);
      if (known?.identity === identity(before)) return known;
      if (settledMs && ageMs(before) < settledMs) return undefined;
      if (settledMs && before.size > FOLLOW_MAX_BYTES) return undefined;
      const leaks = fileTexts(this.#siteDir, file).flatMap(this.#find);
      this.#reads++;
      if (identity(statSync(path, { bigint: true })) !== identity(before)) return undefined;
      const scanned = { identity: identity(before), leaks };
      this.#scanned.set(file, scanned);
      return scanned;
    } catch (e) {
      if (settledMs) return undefined;
      throw e;
    }
  }
}
