/**
 * Every block of prose says where it comes from (issue #14): on the bundled illustrative build,
 * each paragraph, list item and description sits inside an element with `data-provenance`, every
 * illustrative block shows its label, and the article's findings are shown apart from the text
 * written for the illustrative dataset. The study-mode fixture is checked in fixture-sites.test.ts.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, inject, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { PROVENANCE_LABELS } from '../../src/lib/provenance-labels.ts';
import { findProvenanceProblems } from './provenance.ts';

const dir = inject('siteDir');
const page = (path: string) => parse(readFileSync(join(dir, path, 'index.html'), 'utf8'));
const text = (s: string) => s.replace(/\s+/g, ' ').trim();
// The bundled study, which the global setup built.
const site = {
  study: parseYaml(readFileSync('content/study/study.yaml', 'utf8')) as {
    provenance: { kind: string; notice: string };
  },
  themes: (
    parseYaml(readFileSync('content/study/codebook.yaml', 'utf8')) as {
      themes: { id: string; articleSummary?: string; summary: string; plainSummary: string }[];
    }
  ).themes,
};
const illustrative = site.study.provenance.kind === 'illustrative';

describe.runIf(illustrative)('the illustrative build', () => {
  it('marks the provenance of every paragraph and list item on every page, and labels every illustrative block', () => {
    const { pages, blocks, problems } = findProvenanceProblems(dir, 'illustrative');
    expect(pages).toBeGreaterThan(300);
    expect(blocks).toBeGreaterThan(5000);
    expect(problems).toEqual([]);
  });

  it("shows each theme's finding from the article apart from the summary and narrative written for the dataset", () => {
    for (const theme of site.themes) {
      const main = page(`themes/${theme.id}`).querySelector('main')!;
      const article = main.querySelector('[data-provenance="article"].article-summary')!;
      expect(text(article.text), theme.id).toBe(`${PROVENANCE_LABELS.article} ${text(theme.articleSummary!)}`);
      const summary = main.querySelector('.theme-summary')!;
      expect(summary.getAttribute('data-provenance')).toBe('illustrative');
      expect(text(summary.querySelector('[data-provenance-label]')!.text)).toBe(PROVENANCE_LABELS.illustrative);
      expect(text(summary.text)).toContain(text(theme.summary));
      const narrative = main.querySelector('.narrative')!;
      expect(narrative.getAttribute('data-provenance')).toBe('illustrative');
      expect(text(narrative.querySelector('[data-provenance-label]')!.text)).toBe(PROVENANCE_LABELS.illustrative);
      expect(narrative.querySelectorAll('p').length, theme.id).toBeGreaterThan(3);
    }
  });

  it("takes every theme's article summary from the abstract: the fifth theme's is its conclusion", () => {
    expect(site.themes.every((t) => t.articleSummary)).toBe(true);
    expect(site.themes[4].articleSummary).toMatch(
      /^Sustainable integration of AI requires balancing innovation with ethical safeguards, trust and empathy\.$/,
    );
  });

  it('states in the brief\'s "What was found" what the article reports, and marks the rest', () => {
    const sections = page('brief').querySelectorAll('section.brief-theme');
    expect(sections).toHaveLength(site.themes.length);
    for (const section of sections) {
      const theme = site.themes.find((t) => t.id === section.id)!;
      const found = section.querySelector('p.brief-article')!;
      expect(found.getAttribute('data-provenance')).toBe('article');
      expect(text(found.text)).toBe(`${PROVENANCE_LABELS.article} What was found. ${text(theme.articleSummary!)}`);
      const rest = section.querySelector('.brief-data')!;
      expect(rest.getAttribute('data-provenance')).toBe('illustrative');
      expect(text(rest.text)).toContain(text(theme.plainSummary));
      expect(rest.querySelector('.brief-count')).not.toBeNull();
    }
    expect(text(page('brief').querySelector('.brief-notice')!.text)).not.toContain(
      'The findings follow the published article',
    );
  });

  it('names narratives and summaries in the banner on every page', () => {
    const notice = text(page('').querySelector('aside.notice')!.text);
    expect(notice).toMatch(/narrative/);
    expect(notice).toMatch(/summar/);
  });
});

describe('the provenance check itself', () => {
  const siteWith = (html: string) => {
    const root = mkdtempSync(join(tmpdir(), 'provenance-'));
    mkdirSync(join(root, 'a'));
    writeFileSync(
      join(root, 'a', 'index.html'),
      `<!doctype html><html><body><header class="site-header"><nav><ul><li>Home</li></ul></nav></header><main>${html}</main></body></html>`,
    );
    return root;
  };

  it('reports a paragraph without provenance, an illustrative block without its label, and a wrong label', () => {
    const root = siteWith(`
      <p>Unmarked finding.</p>
      <div data-provenance="illustrative"><p>Narrative with no label.</p></div>
      <p data-provenance="article"><span data-provenance-label>Illustrative, not a finding of the study</span> Abstract.</p>
      <div data-provenance="illustrative"><p data-provenance-label>${PROVENANCE_LABELS.illustrative}</p><ul><li>Covered.</li></ul></div>`);
    expect(findProvenanceProblems(root, 'illustrative').problems.map((p) => p.problem)).toEqual([
      'no data-provenance on it or any ancestor',
      'label "Illustrative, not a finding of the study" inside data-provenance="article"',
      'data-provenance="illustrative" without its visible label',
    ]);
  });

  it('reports any label, any illustrative block and the word "illustrative" on a team\'s own site', () => {
    const root = siteWith(
      `<p data-provenance="illustrative"><span data-provenance-label>${PROVENANCE_LABELS.illustrative}</span> Text.</p>`,
    );
    expect(findProvenanceProblems(root, 'study').problems.map((p) => p.problem)).toEqual([
      'data-provenance="illustrative" on a study site',
      "a provenance label on a team's own site",
      'the word "illustrative" on a team\'s own site',
    ]);
  });
});

describe.runIf(illustrative)('the methods page of a study known from its abstract', () => {
  const rows = () =>
    page('methods')
      .querySelectorAll('table tbody tr')
      .map((tr) => tr.querySelectorAll('td').map((td) => text(td.text)));

  it('says "Not in the abstract; see the article" where the abstract is silent, never "Not reported"', () => {
    const all = rows();
    expect(all).toHaveLength(32);
    expect(all.find((r) => r[1] === 'Quotations presented')![2]).toBe('Not in the abstract; see the article');
    expect(all.filter((r) => r[2] === 'Not in the abstract; see the article').length).toBeGreaterThan(20);
    expect(text(page('methods').querySelector('main')!.text)).not.toMatch(/not reported/i);
  });
});

describe('citing an excerpt of the bundled build', () => {
  const latest = readdirSync('content/study/releases')
    .filter((f) => f.endsWith('.json'))
    .map(
      (f) => JSON.parse(readFileSync(join('content/study/releases', f), 'utf8')) as { version: string; date: string },
    )
    .sort((a, b) => a.version.localeCompare(b.version, 'en', { numeric: true }))
    .at(-1)!;

  it("names the release's version in every format and shows the article's full reference beside it", () => {
    const cite = page('excerpts/E0001').querySelector('section.cite')!;
    const formats = cite.querySelectorAll('[data-citation]');
    expect(formats).toHaveLength(7);
    for (const el of formats) expect(el.text, el.getAttribute('data-citation')!).toContain(latest.version);
    expect(cite.querySelector('[data-citation="apa"]')!.text).toContain(`(${latest.date.slice(0, 4)}). Excerpt E0001`);
    expect(cite.querySelector('[data-citation="ris"]')!.text).toContain(`DA  - ${latest.date.replaceAll('-', '/')}/`);
    const article = cite
      .querySelectorAll('[data-article-citation]')
      .map((el) => el.getAttribute('data-article-citation'));
    expect(article).toEqual(['apa', 'mla', 'chicago', 'vancouver']);
    expect(cite.querySelector('[data-article-citation="apa"]')!.text).toMatch(
      /^Huma, Z\. E\., Sania, A\., Doolittle, B\., & Sohail, M\. M\. \(2025\)\. .* Advance online publication\. https:\/\/doi\.org\//,
    );
  });
});
