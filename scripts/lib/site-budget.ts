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
export interface PageWeight {
  page: string;
  htmlCss: number;
  /** JavaScript loaded with the page. */
  js: number;
  /** Including what the page's scripts may import later (a map's interaction, on first use). */
  jsWithLazy: number;
  blockingScripts: string[];
}

const gz = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;

/** A file of the site from a root-relative URL path, or undefined when it is not in the build. */
function siteFile(siteDir: string, base: string, path: string): string | undefined {
  const clean = path.split(/[?#]/)[0].replace(new RegExp(`^${base.replace(/\/$/, '')}`), '');
  const file = join(siteDir, clean);
  return existsSync(file) ? file : undefined;
}

const STATIC_IMPORT = /(?:^|[;\s}])import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["'`]([^"'`]+)["'`]\s*\)/g;

/** A module and every module it imports (statically; with `lazy`, also by import()), each once. */
function moduleGraph(
  siteDir: string,
  base: string,
  entry: string,
  lazy = false,
  seen = new Set<string>(),
): Set<string> {
  const file = siteFile(siteDir, base, entry);
  if (!file || seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const re of lazy ? [STATIC_IMPORT, DYNAMIC_IMPORT] : [STATIC_IMPORT]) {
    for (const m of code.matchAll(re))
      moduleGraph(siteDir, base, new URL(m[1], `http://x${entry}`).pathname, lazy, seen);
  }
  return seen;
}

/** Weighs one page (path relative to the site folder, e.g. `themes/x/index.html`). */
export function weighPage(siteDir: string, page: string, base = '/'): PageWeight {
  const html = readFileSync(join(siteDir, page), 'utf8');
  const doc = parse(html);
  const css = doc
    .querySelectorAll('link[rel="stylesheet"]')
    .map((l) => siteFile(siteDir, base, l.getAttribute('href')!))
    .filter(Boolean) as string[];
  const modules = new Set<string>();
  const lazyModules = new Set<string>();
  let inline = '';
  const blockingScripts: string[] = [];
  for (const s of doc.querySelectorAll('script')) {
    const type = s.getAttribute('type');
    if (type === 'application/ld+json' || type === 'application/json') continue;
    const src = s.getAttribute('src');
    if (src) {
      for (const f of moduleGraph(siteDir, base, src)) modules.add(f);
      for (const f of moduleGraph(siteDir, base, src, true)) lazyModules.add(f);
      if (type !== 'module' && !s.hasAttribute('defer') && !s.hasAttribute('async')) blockingScripts.push(src);
    } else {
      inline += s.text;
      for (const m of s.text.matchAll(STATIC_IMPORT)) for (const f of moduleGraph(siteDir, base, m[1])) modules.add(f);
      for (const re of [STATIC_IMPORT, DYNAMIC_IMPORT])
        for (const m of s.text.matchAll(re)) for (const f of moduleGraph(siteDir, base, m[1], true)) lazyModules.add(f);
      if (type !== 'module') blockingScripts.push('(inline classic script)');
    }
  }
  const weigh = (files: Set<string>) =>
    [...files].reduce((n, f) => n + gz(readFileSync(f)), 0) + (inline ? gz(inline) : 0);
  return {
    page,
    htmlCss: gz(html) + css.reduce((n, f) => n + gz(readFileSync(f)), 0),
    js: weigh(modules),
    jsWithLazy: weigh(lazyModules),
    blockingScripts,
  };
}
