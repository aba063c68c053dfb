/**
 * The privacy gate of the build: reads every file of the built site (HTML, JSON, downloads and
 * the decompressed Pagefind index) and looks for redaction terms and detector hits, then asks
 * Pagefind's own search API for every word of every redaction term. Any finding fails the build.
 */
import { PART_SEPARATOR } from './lib/study-text.ts';
import { type BigIntStats, type Dirent, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { findLeaks, leakFinder, redactionWords, type Leak, type SiteText } from './lib/find-leaks.ts';
import type { Redaction } from './lib/schema.ts';
import { listFiles } from './lib/list-files.ts';
import { holdsStudyText, pageMetadataText } from './lib/study-text.ts';
import { serveStatic } from './lib/static-server.ts';

const TEXT = /\.(html|json|csv|txt|xml|bib|ris|cff|qdc|md|yaml|js|css|svg)$/;
/** Each scan imports Pagefind afresh: a second build in the same process must not reuse the first index. */
let scans = 0;
const PAGEFIND = /\.pf_(fragment|index|filter|meta)$/;


const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' };

const decodeEntities = (text: string) => text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (m, e: string) => ENTITIES[e] ?? (e.startsWith('#x') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : m));

/** The text of a page's body (tags, scripts and styles dropped, entities decoded): fast at 20,000 pages. */
export function visibleText(html: string): string {
  const body = html.slice(Math.max(0, html.indexOf('<body')));
  return decodeEntities(body.replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<\/?(?:p|div|li|td|th|tr|h[1-6]|br|hr|section|article|header|footer|main|nav|aside|figure|figcaption|blockquote|pre|dd|dt|dl|ul|ol|table|caption|summary|details|button|label|option|title|desc|text|tspan)\b[^>]*>/gi, ' ')
    .replace(/<[^>]*>/g, ''));
}

/**
 * The texts a page's <head> gives to search engines and link previews: its title, the content of
 * its <meta> tags (description, og:*, twitter:*, citation_*) and the string values of its JSON-LD,
 * separated so that no detector reads across two of them, entities decoded. Addresses are left out (the page's own links and the DOI are no
 * identifiers); the detectors run on the rest, as on the visible text.
 */
export function headText(html: string): string {
  const end = html.indexOf('<body');
  const head = html.slice(0, end < 0 ? html.length : end);
  const parts: string[] = [];
  const title = /<title>([^<]*)<\/title>/i.exec(head);
  if (title) parts.push(title[1]);
  for (const m of head.matchAll(/<meta\s[^>]*>/gi)) {
    if (/http-equiv|charset=/i.test(m[0])) continue;
    const content = /\scontent="([^"]*)"/i.exec(m[0])?.[1];
    if (content !== undefined) parts.push(content);
  }
  const strings = (value: unknown, key = ''): string[] => {
    if (typeof value === 'string') return key.startsWith('@') ? [] : [value];
    if (Array.isArray(value)) return value.flatMap((v) => strings(v, key));
    return value && typeof value === 'object' ? Object.entries(value).flatMap(([k, v]) => strings(v, k)) : [];
  };
  for (const m of head.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/gi)) {
    try { parts.push(...strings(JSON.parse(m[1]))); } catch { parts.push(m[1]); }
  }
  return parts.map(decodeEntities).filter((p) => !/^https?:\/\/\S*$/.test(p.trim())).join(PART_SEPARATOR);
}

/** Which files to read: the pages and downloads, the search index, or everything. */
export type Part = 'pages' | 'index' | 'all';

/** One of `of` equal shares of a site's files (listed once), so that several threads can scan a site together. */
export interface Share { index: number; of: number; files: string[] }

/** Every text of the site (or of one part or share of it), with Pagefind's gzipped files decompressed. */
export function readSiteTexts(siteDir: string, part: Part = 'all', share?: Share): SiteText[] {
  return [...siteTexts(siteDir, part, share)];
}

/** The texts of a site one file at a time, so that a scan of 20,000 pages holds one page in memory. */
export function* siteTexts(siteDir: string, part: Part = 'all', share?: Share): Generator<SiteText> {
  const { index, of, files } = share ?? { index: 0, of: 1, files: listFiles(siteDir) };
  for (let i = index; i < files.length; i += of) {
    const inIndex = files[i].startsWith('pagefind/');
    if ((part === 'pages' && inIndex) || (part === 'index' && !inIndex)) continue;
    yield* fileTexts(siteDir, files[i]);
  }
}

/**
 * The texts of one file of a site: a page's source and its visible text, a download's text,
 * a Pagefind file decompressed; none for images and fonts.
 */
export function fileTexts(siteDir: string, file: string): SiteText[] {
  const path = join(siteDir, file);
  if (PAGEFIND.test(file)) {
    const text = gunzipSync(readFileSync(path)).toString('utf8').replace(/^pagefind_dcd/, '');
    return [{ file, text, data: file.endsWith('.pf_fragment') }];
  }
  if (!TEXT.test(file)) return [];
  const raw = readFileSync(path, 'utf8');
  const texts = [{ file, text: raw, data: !file.endsWith('.html') && holdsStudyText(file) }];
  // What a page says beyond its visible text: its head (title, meta content, JSON-LD) and the
  // attributes and links a reader or a crawler reads (alt, title, aria labels, tel:/mailto:).
  if (file.endsWith('.html')) texts.push({ file, text: visibleText(raw), data: true }, { file, text: headText(raw), data: true }, { file, text: pageMetadataText(raw), data: true });
  return texts;
}

/** A file as it is on disk now: any write, truncation, rename or replacement changes this. */
function identity(s: BigIntStats): string {
  return `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
}

/** Milliseconds since a file or folder last changed (its content or its entry). */
function ageMs(s: BigIntStats): number {
  return Date.now() - Number((s.mtimeNs > s.ctimeNs ? s.mtimeNs : s.ctimeNs) / 1_000_000n);
}

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
      if (!scanned) throw new Error(`privacy scan: ${file} changed while it was read; nothing may write to the site during the final scan`);
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

/** Words of redaction terms that Pagefind's search finds, though no published excerpt contains them. */
async function searchIndex(siteDir: string, words: string[], publicWords: Set<string>): Promise<Leak[]> {
  const suspects = words.filter((w) => !publicWords.has(w));
  if (!suspects.length) return [];
  const { server, url } = await serveStatic(siteDir);
  try {
    const pagefind = await import(`${pathToFileURL(join(siteDir, 'pagefind', 'pagefind.js')).href}?scan=${++scans}`);
    await pagefind.options({ basePath: `${url}/pagefind/` });
    const leaks: Leak[] = [];
    for (const word of suspects) {
      // Pagefind falls back to prefixes when a word is missing ("akhtar" finds "a", "prof" finds
      // "professional"), so a result is a leak only if a highlighted word begins with the searched
      // one and is not a word of the published, anonymized text. Exact hits rank first.
      const { results } = await pagefind.search(word);
      for (const r of results.slice(0, 10)) {
        const data = await r.data();
        const marked = [...data.excerpt.matchAll(/<mark>([^<]*)<\/mark>/g)].map((m: RegExpMatchArray) => m[1].toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''));
        if (marked.some((m: string) => m.startsWith(word) && !publicWords.has(m))) leaks.push({ file: `pagefind index (${data.url.replace(url, '')})`, rule: 'redaction term word found by Pagefind search', found: word });
      }
    }
    await pagefind.destroy?.();
    return leaks;
  } finally {
    server.close();
  }
}

/** What a scan needs to know besides the site: the study's redactions and the links it may publish. */
export interface ScanRules {
  redactions: Redaction[];
  allowedUrls: string[];
  /** Theme, subtheme, code and excerpt ids: a detector hit inside one is not a leak (see study-text.ts). */
  generatedIds?: string[];
}

/** Scans the pages and downloads of a built site (not its search index), or one share of them. */
export function scanPages(siteDir: string, rules: ScanRules, share?: Share): Leak[] {
  return scanFiles(siteDir, 'pages', rules, share);
}

/** Scans the texts of one part of a site (or one share of them) for redactions and detector hits. */
export function scanFiles(siteDir: string, part: Part, rules: ScanRules, share?: Share): Leak[] {
  return findLeaks(siteTexts(siteDir, part, share), rules.redactions, rules.allowedUrls, rules.generatedIds);
}

/** Scans the decompressed search index, then searches it for every word of every redaction term. */
export async function scanIndex(siteDir: string, rules: ScanRules, publicText: string): Promise<Leak[]> {
  return [...scanFiles(siteDir, 'index', rules), ...(await searchIndexForRedactions(siteDir, rules, publicWords(publicText)))];
}

/** The words of the published, anonymized text, lowercased: a redaction word among them is no leak. */
export function publicWords(publicText: string): Set<string> {
  return new Set(publicText.toLowerCase().split(/[^\p{L}\p{N}]+/u));
}

/** Asks Pagefind's search for every word of every redaction term (the second half of scanIndex). */
export async function searchIndexForRedactions(siteDir: string, rules: ScanRules, published: Set<string>): Promise<Leak[]> {
  return searchIndex(siteDir, redactionWords(rules.redactions), published);
}

/** Scans a whole built site; returns every leak found (empty when the site is clean). */
export async function scanSite(siteDir: string, redactions: Redaction[], allowedUrls: string[], publicText: string): Promise<Leak[]> {
  const rules = { redactions, allowedUrls };
  return [...scanPages(siteDir, rules), ...(await scanIndex(siteDir, rules, publicText))];
}
