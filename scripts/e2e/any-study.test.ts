/**
 * The site is about the study it is given: a fixture study about school meals
 * (scripts/fixtures/school-meals-study) builds into a site in which no page or download speaks
 * of the bundled study's subject, and in which counts read as English and a theme without
 * excerpts is no finding.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../build.ts';
import { listFiles } from '../lib/list-files.ts';
import { visibleText } from '../scan-site.ts';
import { keepGeneratedContent } from './generated-content.ts';

const SITE = resolve('.build/any-study-school-meals');
/** Words of the bundled study's subject, its participants, setting and title. */
const BUNDLED = [/health professional/i, /\bAI\b/, /artificial intelligence/i, /Punjab/i, /Pakistan/i, /well-?being/i,
  /interviewees?/i, /\bUrdu\b/i, /psychosocial/i, /clinician/i, /hospital/i, /Trust and Tension/i];

/** What a reader or a machine reads in a page: its visible text, its meta tags' content (not the CSP) and its JSON-LD. */
function readable(html: string): string {
  const page = parse(html);
  const meta = page.querySelectorAll('meta[content]').filter((m) => m.getAttribute('http-equiv') === undefined).map((m) => m.getAttribute('content'));
  const ld = page.querySelectorAll('script[type="application/ld+json"]').map((s) => s.text);
  return [visibleText(html), page.querySelector('title')?.text, ...meta, ...ld].join('\n');
}

const text = (path: string) => readable(readFileSync(join(SITE, path), 'utf8')).replace(/\s+/g, ' ');

let restore: () => void;
beforeAll(async () => {
  restore = keepGeneratedContent();
  expect(await run(['--study', 'scripts/fixtures/school-meals-study', '--out', SITE])).toBe(true);
}, 180_000);
afterAll(() => restore?.());

describe('a site built from a study about something else entirely', () => {
  it('names nothing of the bundled study on any page or in any download', () => {
    const files = listFiles(SITE).filter((f) => !f.startsWith('pagefind/') && !f.startsWith('_astro/') && /\.(html|csv|json|qdc|cff|bib|ris|txt|xml)$/.test(f));
    expect(files.length).toBeGreaterThan(20);
    const hits = files.flatMap((f) => {
      const content = f.endsWith('.html') ? text(f) : readFileSync(join(SITE, f), 'utf8');
      return BUNDLED.filter((w) => w.test(content)).map((w) => `${f}: ${w}`);
    });
    expect(hits).toEqual([]);
  });

  it('speaks of its own participants, keywords and brief title', () => {
    expect(text('index.html')).toContain('Participants4 school cooks');
    expect(text('participants/index.html')).toContain('4 illustrative participants took part');
    expect(text('brief/index.html')).toContain('School meals: what kitchens need');
    const meta = parse(readFileSync(join(SITE, 'brief/index.html'), 'utf8')).querySelector('meta[name="description"]')?.getAttribute('content');
    expect(meta).toContain('what 4 school cooks said about school meals, and what to do');
    expect(readFileSync(join(SITE, 'data/CITATION.cff'), 'utf8')).toMatch(/keywords:\n {2}- qualitative research\n {2}- school meals\n {2}- catering\n/);
  });

  it('counts in English: one excerpt, and "n of the total" agreeing with the total', () => {
    expect(text('themes/budgets/index.html')).toContain('Voiced by 1 of 4 participants in 1 excerpt.');
    expect(text('index.html')).not.toMatch(/\b1 excerpts\b|\b1 participants\b/);
  });

  it('does not show a theme without excerpts as a key finding, and its list page says there are none', () => {
    const home = parse(readFileSync(join(SITE, 'index.html'), 'utf8'));
    expect(home.querySelectorAll('ul.cards li').map((li) => li.getAttribute('data-theme'))).toEqual(['budgets', 'tastes']);
    expect(text('index.html')).toContain('No excerpts are coded yet with Trying new recipes, so it is not shown as a finding.');
    const list = text('themes/new-recipes/excerpts/index.html');
    expect(list).toContain('No excerpts are coded with this theme yet.');
    expect(list).not.toMatch(/Showing|Page 1 of/);
    expect(parse(readFileSync(join(SITE, 'brief/index.html'), 'utf8')).querySelectorAll('section.brief-theme').map((s) => s.id)).toEqual(['budgets', 'tastes']);
  });
});
