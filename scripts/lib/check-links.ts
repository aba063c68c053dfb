/**
 * Finds broken internal links in a built site: every href and src that points into the site must
 * name a file that exists, and every #fragment an id on the target page.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { listFiles } from './list-files.ts';

/** A link that goes nowhere. */
export interface BrokenLink {
  page: string;
  href: string;
  why: string;
}

/** Checks every internal link and anchor of every page under `siteDir`, served at `base`. */
export function checkLinks(siteDir: string, base = '/'): { pages: number; links: number; broken: BrokenLink[] } {
  const pages = listFiles(siteDir).filter((f) => f.endsWith('.html'));
  const docs = new Map(pages.map((p) => [p, parse(readFileSync(join(siteDir, p), 'utf8'))]));
  const ids = (page: string) =>
    new Set(
      docs
        .get(page)
        ?.querySelectorAll('[id]')
        .map((el) => el.id) ?? [],
    );
  const broken: BrokenLink[] = [];
  let links = 0;
  for (const [page, doc] of docs) {
    const here = new URL(`/${page.replace(/index\.html$/, '')}`, 'http://site');
    for (const el of doc.querySelectorAll('a[href], link[href], script[src], img[src], use[href], form[action]')) {
      const raw = el.getAttribute('href') ?? el.getAttribute('src') ?? el.getAttribute('action')!;
      if (/^(mailto:|tel:|data:|javascript:)/.test(raw)) continue;
      const target = new URL(raw, here);
      if (target.origin !== 'http://site') continue;
      links++;
      if (!target.pathname.startsWith(base)) {
        broken.push({ page, href: raw, why: `outside the base path ${base}` });
        continue;
      }
      const path = decodeURIComponent(target.pathname.slice(base.length));
      const file = path === '' || path.endsWith('/') ? `${path}index.html` : path;
      if (!existsSync(join(siteDir, file))) {
        broken.push({ page, href: raw, why: 'no such file' });
        continue;
      }
      const fragment = decodeURIComponent(target.hash.slice(1));
      if (fragment && file.endsWith('.html') && !ids(file).has(fragment))
        broken.push({ page, href: raw, why: `no element with id "${fragment}"` });
    }
  }
  return { pages: pages.length, links, broken };
}
