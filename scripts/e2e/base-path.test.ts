/**
 * A site published under a sub-path (BASE_PATH=/study, SITE_URL=https://example.org/study/):
 * every internal link and asset starts with /study/, and canonical, Open Graph, share, sitemap
 * and download URLs start with the public address. Builds the bundled study into its own folder.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseHtml } from 'node-html-parser';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../build.ts';

const OUT = resolve('.build/test-site-base-path');
const BASE = '/study';
const SITE = 'https://example.org/study/';

const read = (path: string) => readFileSync(join(OUT, path), 'utf8');

beforeAll(async () => {
  // Vitest workers set BASE_URL=/, MODE=test and NODE_ENV=test, and Vite lets process.env win
  // over the config, so a build in a worker would ignore BASE_PATH: clear them while building.
  const keys = ['BASE_PATH', 'SITE_URL', 'BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV'];
  const saved = Object.fromEntries(keys.map((k) => [k, process.env[k]]));
  for (const k of keys) delete process.env[k];
  Object.assign(process.env, { BASE_PATH: BASE, SITE_URL: SITE });
  try {
    expect(await run(['--out', OUT])).toBe(true);
  } finally {
    for (const [k, v] of Object.entries(saved))
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
  }
}, 180_000);

describe(`a site built with BASE_PATH=${BASE} and SITE_URL=${SITE}`, () => {
  const html = () =>
    readdirSync(OUT, { recursive: true, encoding: 'utf8' }).filter(
      (f) => f.endsWith('.html') && !f.startsWith('pagefind'),
    );

  it('starts every internal link, script, stylesheet and form action with the base path', () => {
    const wrong: string[] = [];
    for (const file of html()) {
      const doc = parseHtml(read(file));
      for (const el of doc.querySelectorAll('[href], [src], form[action]')) {
        const value = el.getAttribute('href') ?? el.getAttribute('src') ?? el.getAttribute('action')!;
        if (value.startsWith('/') && !value.startsWith(`${BASE}/`)) wrong.push(`${file}: ${el.rawTagName} ${value}`);
      }
    }
    expect(wrong.slice(0, 10)).toEqual([]);
  });

  it('uses the public address for canonical and Open Graph URLs', () => {
    for (const file of html()) {
      const head = parseHtml(read(file)).querySelector('head')!;
      const canonical = head.querySelector('link[rel="canonical"]')!.getAttribute('href')!;
      expect(canonical, file).toMatch(/^https:\/\/example\.org\/study\//);
      expect(head.querySelector('meta[property="og:url"]')!.getAttribute('content'), file).toBe(canonical);
    }
    expect(parseHtml(read('brief/index.html')).querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe(
      `${SITE}brief/`,
    );
  });

  it('gives the brief share links and the downloads absolute URLs under the public address', () => {
    const brief = parseHtml(read('brief/index.html'));
    const shares = brief.querySelectorAll('.brief-share a').map((a) => a.getAttribute('href')!);
    expect(shares.length).toBeGreaterThan(0);
    for (const href of shares) expect(href).toMatch(/^https:\/\/example\.org\/study\/brief\/#[a-z0-9-]+$/);
    expect((parseYaml(read('data/CITATION.cff')) as { url: string }).url).toBe(SITE);
    expect((JSON.parse(read('data/excerpts.json')) as { about: { dictionary: string } }).about.dictionary).toBe(
      `${SITE}data/#dictionary`,
    );
    const graph = JSON.parse(
      parseHtml(read('data/index.html')).querySelector('script[type="application/ld+json"]')!.text,
    )['@graph'];
    const dataset = graph.find((n: { '@type': string }) => n['@type'] === 'Dataset');
    for (const d of dataset.distribution) expect(d.contentUrl).toMatch(/^https:\/\/example\.org\/study\/data\//);
  });

  it('lists pages in the sitemap under the public address', () => {
    const locs = [...read('sitemap-0.xml').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(locs.length).toBeGreaterThan(10);
    for (const loc of locs) expect(loc.startsWith(SITE), loc).toBe(true);
    expect(read('sitemap-index.xml')).toContain(`${SITE}sitemap-0.xml`);
  });
});
