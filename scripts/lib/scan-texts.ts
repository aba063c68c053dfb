/**
 * What the privacy scan reads of a built site: every text file (pages as source, visible text,
 * head and metadata; downloads; the decompressed Pagefind index), and what it finds in them.
 * The scan as the build runs it is in scan.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { findLeaks, type Leak, type SiteText } from './find-leaks.ts';
import { listFiles } from './list-files.ts';
import type { Redaction } from './schema.ts';
import { holdsStudyText, pageMetadataText, PART_SEPARATOR } from './study-text.ts';

const TEXT = /\.(html|json|csv|txt|xml|bib|ris|cff|qdc|md|yaml|js|css|svg)$/;
const PAGEFIND = /\.pf_(fragment|index|filter|meta)$/;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' };

const decodeEntities = (text: string) =>
  text.replace(
    /&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi,
    (m, e: string) =>
      ENTITIES[e] ??
      (e.startsWith('#x')
        ? String.fromCodePoint(parseInt(e.slice(2), 16))
        : e.startsWith('#')
          ? String.fromCodePoint(Number(e.slice(1)))
          : m),
  );

/** The text of a page's body (tags, scripts and styles dropped, entities decoded): fast at 20,000 pages. */
export function visibleText(html: string): string {
  const body = html.slice(Math.max(0, html.indexOf('<body')));
  return decodeEntities(
    body
      .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
      // A table's cells are separate values: a code's id and its counts ("3-1-10", "126", "117") in
      // one row are not one phone number. Detectors do not read across PART_SEPARATOR.
      .replace(/<\/?(?:td|th|tr|caption)\b[^>]*>/gi, PART_SEPARATOR)
      .replace(
        /<\/?(?:p|div|li|h[1-6]|br|hr|section|article|header|footer|main|nav|aside|figure|figcaption|blockquote|pre|dd|dt|dl|ul|ol|table|caption|summary|details|button|label|option|title|desc|text|tspan)\b[^>]*>/gi,
        ' ',
      )
      .replace(/<[^>]*>/g, ''),
  );
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
    try {
      parts.push(...strings(JSON.parse(m[1])));
    } catch {
      parts.push(m[1]);
    }
  }
  return parts
    .map(decodeEntities)
    .filter((p) => !/^https?:\/\/\S*$/.test(p.trim()))
    .join(PART_SEPARATOR);
}

/** Which files to read: the pages and downloads, the search index, or everything. */
export type Part = 'pages' | 'index' | 'all';

/** One of `of` equal shares of a site's files (listed once), so that several threads can scan a site together. */
export interface Share {
  index: number;
  of: number;
  files: string[];
}

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
    const text = gunzipSync(readFileSync(path))
      .toString('utf8')
      .replace(/^pagefind_dcd/, '');
    return [{ file, text, data: file.endsWith('.pf_fragment') }];
  }
  if (!TEXT.test(file)) return [];
  const raw = readFileSync(path, 'utf8');
  const texts = [{ file, text: raw, data: !file.endsWith('.html') && holdsStudyText(file) }];
  // What a page says beyond its visible text: its head (title, meta content, JSON-LD) and the
  // attributes and links a reader or a crawler reads (alt, title, aria labels, tel:/mailto:).
  if (file.endsWith('.html'))
    texts.push(
      { file, text: visibleText(raw), data: true },
      { file, text: headText(raw), data: true },
      { file, text: pageMetadataText(raw), data: true },
    );
  return texts;
}

/** What a scan needs to know besides the site: the study's redactions and the links it may publish. */
export interface ScanRules {
  redactions: Redaction[];
  allowedUrls: string[];
  /** Theme, subtheme, code and excerpt ids: a detector hit inside one is not a leak (see study-text.ts). */
  generatedIds?: string[];
}

/** Scans the texts of one part of a site (or one share of them) for redactions and detector hits. */
export function scanFiles(siteDir: string, part: Part, rules: ScanRules, share?: Share): Leak[] {
  return findLeaks(siteTexts(siteDir, part, share), rules.redactions, rules.allowedUrls, rules.generatedIds);
}
