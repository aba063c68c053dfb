/**
 * The site is about the study it is given: a fixture study about school meals
 * (scripts/fixtures/school-meals-study) builds into a site in which no page or download speaks
 * of the bundled study's subject, and in which counts read as English and a theme without
 * excerpts is no finding. Built without SITE_URL, the site names no address; the same study
 * marked as the study's own data is refused without SITE_URL, unless --local.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { run } from '../build.ts';
import { listFiles } from '../lib/list-files.ts';
import { readSiteTexts, visibleText } from '../lib/scan-texts.ts';
import { findProvenanceProblems } from './provenance.ts';

const SITE = resolve('.build/any-study-school-meals');
/** Words of the bundled study's subject, its participants, setting and title. */
const BUNDLED = [
  /health professional/i,
  /\bAI\b/,
  /artificial intelligence/i,
  /Punjab/i,
  /Pakistan/i,
  /well-?being/i,
  /interviewees?/i,
  /\bUrdu\b/i,
  /psychosocial/i,
  /clinician/i,
  /hospital/i,
  /Trust and Tension/i,
];

/** What a reader or a machine reads in a page: its visible text, its meta tags' content (not the CSP) and its JSON-LD. */
function readable(html: string): string {
  const page = parse(html);
  const meta = page
    .querySelectorAll('meta[content]')
    .filter((m) => m.getAttribute('http-equiv') === undefined)
    .map((m) => m.getAttribute('content'));
  const ld = page.querySelectorAll('script[type="application/ld+json"]').map((s) => s.text);
  return [visibleText(html), page.querySelector('title')?.text, ...meta, ...ld].join('\n');
}

const text = (path: string) => readable(readFileSync(join(SITE, path), 'utf8')).replace(/\s+/g, ' ');

const siteUrl = process.env.SITE_URL;
beforeAll(async () => {
  delete process.env.SITE_URL;
  expect(await run(['--study', 'scripts/fixtures/school-meals-study', '--out', SITE])).toBe(true);
}, 180_000);
afterAll(() => {
  if (siteUrl !== undefined) process.env.SITE_URL = siteUrl;
});

/** Every address-like thing a built site holds that points at the site itself or at localhost. */
function addressesIn(site: string): {
  localhost: string[];
  canonical: number;
  sitemap: boolean;
  robotsSitemap: boolean;
} {
  const texts = readSiteTexts(site);
  return {
    localhost: [...new Set(texts.filter((t) => /localhost|127\.0\.0\.1/.test(t.text)).map((t) => t.file))],
    canonical: texts.filter((t) => /rel="canonical"|property="og:url"/.test(t.text)).length,
    sitemap: existsSync(join(site, 'sitemap-index.xml')),
    robotsSitemap: /Sitemap:/.test(readFileSync(join(site, 'robots.txt'), 'utf8')),
  };
}

describe('a site built from a study about something else entirely', () => {
  it('names nothing of the bundled study on any page or in any download', () => {
    const files = listFiles(SITE).filter(
      (f) =>
        !f.startsWith('pagefind/') && !f.startsWith('_astro/') && /\.(html|csv|json|qdc|cff|bib|ris|txt|xml)$/.test(f),
    );
    expect(files.length).toBeGreaterThan(20);
    const hits = files.flatMap((f) => {
      const content = f.endsWith('.html') ? text(f) : readFileSync(join(SITE, f), 'utf8');
      return BUNDLED.filter((w) => w.test(content)).map((w) => `${f}: ${w}`);
    });
    expect(hits).toEqual([]);
  });

  it('marks the provenance of every block of prose and labels every illustrative block (scripts/e2e/provenance.ts)', () => {
    expect(findProvenanceProblems(SITE, 'illustrative').problems).toEqual([]);
  });

  it('speaks of its own participants, keywords and brief title', () => {
    expect(text('index.html')).toContain('Participants4 school cooks');
    expect(text('participants/index.html')).toContain('4 illustrative participants took part');
    expect(text('brief/index.html')).toContain('School meals: what kitchens need');
    const meta = parse(readFileSync(join(SITE, 'brief/index.html'), 'utf8'))
      .querySelector('meta[name="description"]')
      ?.getAttribute('content');
    expect(meta).toContain('what 4 school cooks said about school meals, and what to do');
    expect(readFileSync(join(SITE, 'data/CITATION.cff'), 'utf8')).toMatch(
      /keywords:\n {2}- qualitative research\n {2}- school meals\n {2}- catering\n/,
    );
  });

  it('counts in English: one excerpt, and "n of the total" agreeing with the total', () => {
    expect(text('themes/budgets/index.html')).toContain('Voiced by 1 of 4 participants in 1 excerpt.');
    expect(text('index.html')).not.toMatch(/\b1 excerpts\b|\b1 participants\b/);
  });

  it('does not show a theme without excerpts as a key finding, and its list page says there are none', () => {
    const home = parse(readFileSync(join(SITE, 'index.html'), 'utf8'));
    expect(home.querySelectorAll('ul.cards li').map((li) => li.getAttribute('data-theme'))).toEqual([
      'budgets',
      'tastes',
    ]);
    expect(text('index.html')).toContain(
      'No excerpts are coded yet with Trying new recipes, so it is not shown as a finding.',
    );
    const list = text('themes/new-recipes/excerpts/index.html');
    expect(list).toContain('No excerpts are coded with this theme yet.');
    expect(list).not.toMatch(/Showing|Page 1 of/);
    expect(
      parse(readFileSync(join(SITE, 'brief/index.html'), 'utf8'))
        .querySelectorAll('section.brief-theme')
        .map((s) => s.id),
    ).toEqual(['budgets', 'tastes']);
  });
});

describe('a site built without SITE_URL', () => {
  it('names no address: no localhost anywhere, no canonical or og:url, no sitemap', () => {
    expect(addressesIn(SITE)).toEqual({ localhost: [], canonical: 0, sitemap: false, robotsSitemap: false });
  });

  it('gives citations and downloads no address, and says how to get one', () => {
    const page = parse(readFileSync(join(SITE, 'excerpts/X01/index.html'), 'utf8'));
    expect(page.querySelector('[data-citation="ris"]')!.text).not.toMatch(/^UR {2}-/m);
    expect(page.querySelector('.cite')!.text).toContain('built without its web address');
    const cff = readFileSync(join(SITE, 'data/CITATION.cff'), 'utf8');
    expect(cff).not.toMatch(/^url:/m);
    expect(cff).toContain('# This copy of the site was built without its web address');
    expect(JSON.parse(readFileSync(join(SITE, 'data/excerpts.json'), 'utf8')).about).toMatchObject({
      dictionary: 'data-dictionary.csv',
    });
  });
});

describe('a study with its own data (provenance.kind: study)', () => {
  const study = join(mkdtempSync(join(tmpdir(), 'own-data-')), 'study');
  const out = resolve('.build/any-study-own-data');
  beforeAll(() => {
    rmSync(out, { recursive: true, force: true });
    cpSync('scripts/fixtures/school-meals-study', study, { recursive: true });
    const yaml = join(study, 'study.yaml');
    writeFileSync(
      yaml,
      readFileSync(yaml, 'utf8')
        .replace('kind: illustrative', 'kind: study')
        .replace(
          'Illustrative fixture data about school meals, invented for tests.',
          'Anonymized excerpts of the conversations.',
        ),
    );
  });

  it('is refused without SITE_URL, with a message naming SITE_URL and --local', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      expect(await run(['--study', study, '--out', out])).toBe(false);
      expect(errors.mock.calls.flat().join('\n')).toMatch(
        /^Cannot build the site: SITE_URL is not set, and study.yaml says provenance.kind: study.*--local/,
      );
    } finally {
      errors.mockRestore();
    }
    expect(existsSync(out)).toBe(false);
  });

  it('builds with --local, naming no address at all even where SITE_URL is set', async () => {
    process.env.SITE_URL = 'https://ignored.example.org';
    try {
      expect(await run(['--study', study, '--out', out, '--local'])).toBe(true);
    } finally {
      delete process.env.SITE_URL;
    }
    expect(addressesIn(out)).toEqual({ localhost: [], canonical: 0, sitemap: false, robotsSitemap: false });
    expect(
      readSiteTexts(out)
        .filter((t) => t.text.includes('ignored.example.org'))
        .map((t) => t.file),
    ).toEqual([]);
  }, 120_000);

  it('builds with SITE_URL, which canonical links, the sitemap and citations carry', async () => {
    process.env.SITE_URL = 'https://meals.example.org';
    try {
      expect(await run(['--study', study, '--out', out])).toBe(true);
    } finally {
      delete process.env.SITE_URL;
    }
    const page = parse(readFileSync(join(out, 'excerpts/X01/index.html'), 'utf8'));
    expect(page.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
      'https://meals.example.org/excerpts/X01/',
    );
    expect(page.querySelector('meta[name="citation_public_url"]')?.getAttribute('content')).toBe(
      'https://meals.example.org/excerpts/X01/',
    );
    expect(readFileSync(join(out, 'robots.txt'), 'utf8')).toContain(
      'Sitemap: https://meals.example.org/sitemap-index.xml',
    );
    expect(addressesIn(out).localhost).toEqual([]);
    rmSync(out, { recursive: true, force: true });
  }, 120_000);
});
