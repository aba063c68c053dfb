/**
 * What a page of the built site weighs: its HTML and the CSS it links, and the JavaScript it
 * loads (module scripts and what they import statically, plus inline scripts), gzipped.
 * Used by the budget tests and by `npm run measure`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'node-html-parser';

/** Gzipped bytes of one page's parts. */
export interface PageWeight { page: string; htmlCss: number; js: number; blockingScripts: string[] }

const gz = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;

/** A file of the site from a root-relative URL path, or undefined when it is not in the build. */
function siteFile(siteDir: string, base: string, path: string): string | undefined {
  const clean = path.split(/[?#]/)[0].replace(new RegExp(`^${base.replace(/\/$/, '')}`), '');
  const file = join(siteDir, clean);
  return existsSync(file) ? file : undefined;
}

/** A module and every module it imports statically (`import ... from "./x.js"`), each once. */
function moduleGraph(siteDir: string, base: string, entry: string, seen = new Set<string>()): Set<string> {
  const file = siteFile(siteDir, base, entry);
  if (!file || seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const m of code.matchAll(/(?:^|[;\s}])import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g)) {
    const target = new URL(m[1], `http://x${entry}`).pathname;
    moduleGraph(siteDir, base, target, seen);
  }
  return seen;
}

/** Weighs one page (path relative to the site folder, e.g. `themes/x/index.html`). */
export function weighPage(siteDir: string, page: string, base = '/'): PageWeight {
  const html = readFileSync(join(siteDir, page), 'utf8');
  const doc = parse(html);
  const css = doc.querySelectorAll('link[rel="stylesheet"]').map((l) => siteFile(siteDir, base, l.getAttribute('href')!)).filter(Boolean) as string[];
  const modules = new Set<string>();
  let inline = '';
  const blockingScripts: string[] = [];
  for (const s of doc.querySelectorAll('script')) {
    const type = s.getAttribute('type');
    if (type === 'application/ld+json' || type === 'application/json') continue;
    const src = s.getAttribute('src');
    if (src) {
      for (const f of moduleGraph(siteDir, base, src)) modules.add(f);
      if (type !== 'module' && !s.hasAttribute('defer') && !s.hasAttribute('async')) blockingScripts.push(src);
    } else {
      inline += s.text;
      for (const m of s.text.matchAll(/import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g)) for (const f of moduleGraph(siteDir, base, m[1])) modules.add(f);
      if (type !== 'module') blockingScripts.push('(inline classic script)');
    }
  }
  const js = [...modules].reduce((n, f) => n + gz(readFileSync(f)), 0) + (inline ? gz(inline) : 0);
  return { page, htmlCss: gz(html) + css.reduce((n, f) => n + gz(readFileSync(f)), 0), js, blockingScripts };
}
