/**
 * Builds the tiny fixture twice, as an illustrative study and as a published one, and checks what
 * may only appear in one mode (citation tags, indexing), that no canary name from raw excerpts,
 * Urdu originals or lead-ins reaches any built file or the search index, that data text is never
 * spliced into MDX or HTML as source (`{`, `<`, backticks, `import`, `<script>` in labels,
 * definitions and excerpts render literally), and (in Chromium) in search results too.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../build.ts';
import { serveStatic } from '../lib/static-server.ts';
import { readSiteTexts } from '../lib/scan-texts.ts';
import { launchBrowser, skipBrowser } from './browser.ts';
import { findProvenanceProblems } from './provenance.ts';

const illustrativeSite = resolve('.build/fixture-illustrative');
const publishedSite = resolve('.build/fixture-published');
const html = (site: string, path: string) => parse(readFileSync(join(site, path, 'index.html'), 'utf8'));

beforeAll(async () => {
  expect(await run(['--study', 'scripts/fixtures/tiny-study', '--out', illustrativeSite])).toBe(true);
  const study = join(mkdtempSync(join(tmpdir(), 'published-')), 'study');
  cpSync('scripts/fixtures/tiny-study', study, { recursive: true });
  const yaml = join(study, 'study.yaml');
  writeFileSync(
    yaml,
    readFileSync(yaml, 'utf8')
      .replace('kind: illustrative', 'kind: study')
      .replace('Illustrative fixture data, invented for tests.', 'Anonymized excerpts from the study.'),
  );
  // A study with its own data is built only for an address (SITE_URL).
  process.env.SITE_URL = 'https://tiny.example.org';
  try {
    expect(await run(['--study', study, '--out', publishedSite])).toBe(true);
  } finally {
    delete process.env.SITE_URL;
  }
}, 180_000);

describe('an illustrative study', () => {
  it('emits no citation_* tags or excerpt JSON-LD, asks robots not to index, and labels every citation', () => {
    const page = html(illustrativeSite, 'excerpts/E0001');
    expect(page.querySelectorAll('meta[name^="citation_"]')).toHaveLength(0);
    expect(page.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex, nofollow');
    expect(
      page
        .querySelectorAll('script[type="application/ld+json"]')
        .map((s) => s.text)
        .join(''),
    ).not.toContain('Quotation');
    const citations = page.querySelectorAll('[data-citation]').map((el) => el.text.replace('’', "'"));
    expect(citations).toHaveLength(7);
    for (const c of citations) expect(c.toLowerCase()).toContain("illustrative excerpt, not from the study's data");
  });

  it('marks the provenance of every block of prose, with a label on every illustrative block', () => {
    expect(findProvenanceProblems(illustrativeSite, 'illustrative').problems).toEqual([]);
  });

  it('never lets a canary name from raw excerpts, Urdu originals or lead-ins reach a built file or the index', () => {
    const texts = readSiteTexts(illustrativeSite);
    expect(texts.some((t) => t.file.endsWith('.pf_fragment'))).toBe(true);
    const hits = texts.filter((t) => /canary|کینری|ظفر/i.test(t.text)).map((t) => t.file);
    expect(hits).toEqual([]);
  });
});

describe('a study whose data looks like code', () => {
  const built = (path: string) => readFileSync(join(illustrativeSite, path, 'index.html'), 'utf8');

  it('shows codebook labels and definitions literally in the generated codes table', () => {
    const cells = parse(built('themes/speed'))
      .querySelectorAll('td')
      .map((td) => td.text);
    expect(cells).toContain('Less paperwork {and <forms>}');
    expect(cells).toContain('Notes drafted by `the tool`; import nothing | pipes stay');
  });

  it('shows excerpt text with markup and script tags as text, on the permalink and in quotes', () => {
    const page = built('excerpts/E0004');
    expect(
      parse(page)
        .querySelectorAll('script')
        .map((el) => el.text)
        .join(''),
    ).not.toContain('alert');
    expect(parse(page).querySelector('[data-excerpt-text]')!.text).toBe(
      'If it is wrong, who is blamed? Me, not the software. <script>alert(1)</script>',
    );
    expect(parse(built('excerpts/E0003')).querySelector('[data-excerpt-text]')!.text).toBe(
      'Discharge summaries write themselves now, {which} is <b>odd</b> but `nice`.',
    );
    expect(parse(built('excerpts/E0007')).querySelector('[data-excerpt-text]')!.text).toContain(
      "import { x } from 'y'",
    );
    const quotes = parse(built('themes/speed'))
      .querySelectorAll('figure.quote blockquote')
      .map((b) => b.text.trim());
    expect(quotes).toContain('Discharge summaries write themselves now, {which} is <b>odd</b> but `nice`.');
  });

  it('applies redactions to excerpts, Urdu originals and lead-ins', () => {
    expect(parse(built('excerpts/E0002')).querySelector('[data-excerpt-text]')!.text).toContain(
      '[a senior colleague] showed us',
    );
    expect(parse(built('excerpts/E0004')).querySelector('.original')!.text).toContain('[a senior colleague]');
    expect(parse(built('themes/speed')).querySelector('.lead')!.text).toBe(
      'A clinician at [a district hospital] described the evenings.',
    );
    for (const path of ['excerpts/E0002', 'excerpts/E0004', 'excerpts/E0006', 'themes/speed'])
      expect(built(path)).not.toMatch(/Canary|کینری/);
  });
});

describe('a published study', () => {
  it('marks the provenance of every block of prose, and shows no provenance label and nothing illustrative', () => {
    const { pages, problems } = findProvenanceProblems(publishedSite, 'study');
    expect(pages).toBeGreaterThan(10);
    expect(problems).toEqual([]);
  });

  it('says "Not reported" on the methods page for COREQ items its answers, read from the article, leave out', () => {
    const cells = html(publishedSite, 'methods')
      .querySelectorAll('table tbody tr')
      .map((tr) => tr.querySelectorAll('td').map((td) => td.text.trim()));
    expect(cells.find((r) => r[1] === 'Quotations presented')![2]).toBe('Not reported');
  });

  it('emits Highwire citation tags and Quotation JSON-LD on excerpt pages, and lets robots index', () => {
    const page = html(publishedSite, 'excerpts/E0001');
    const meta = Object.fromEntries(
      page.querySelectorAll('meta[name^="citation_"]').map((m) => [m.getAttribute('name'), m.getAttribute('content')]),
    );
    expect(meta).toMatchObject({
      citation_title: 'Interview excerpt E0001',
      citation_publication_date: '2024',
      citation_public_url: 'https://tiny.example.org/excerpts/E0001/',
    });
    expect(page.querySelectorAll('meta[name="citation_author"]').map((m) => m.getAttribute('content'))).toEqual([
      'Tester, Ada',
      'Example',
    ]);
    expect(page.querySelector('meta[name="robots"]')).toBeNull();
    const ld = JSON.parse(page.querySelector('script[type="application/ld+json"]')!.text);
    expect(ld).toMatchObject({ '@type': 'Quotation', identifier: 'E0001' });
    // APA 7 §10.9; no release recorded yet: "Unreleased version" and the article's year.
    expect(page.querySelector('[data-citation="apa"]')!.text).toBe(
      'Tester, A., & Example. (2024). Interview excerpt E0001 (Unreleased version) [Data set]. Tiny Fixture Study. https://tiny.example.org/excerpts/E0001/',
    );
    expect(page.querySelector('[data-article-citation="apa"]')!.text).toBe(
      'Tester, A., & Example. (2024). Tiny Fixture Study of Clinicians and AI. Journal of Fixtures. https://doi.org/10.1234/fixture.2024.1',
    );
  });
});

describe.skipIf(skipBrowser)('search results in Chromium', () => {
  let close: () => void;
  let siteUrl: string;
  beforeAll(async () => {
    const served = await serveStatic(illustrativeSite);
    siteUrl = served.url;
    close = () => served.server.close();
  });
  afterAll(() => close?.());

  it('shows `<script>`, braces and backticks in excerpt text literally, with the match highlighted', async () => {
    const { context, foreign } = await launchBrowser(siteUrl);
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${siteUrl}/excerpts/?q=alert`);
    const result = page.locator('#explorer-list li').first();
    await result.waitFor();
    expect(await result.locator('blockquote').innerText()).toContain('<script>alert(1)</script>');
    expect(await result.locator('mark').first().innerText()).toContain('alert');
    await page.goto(`${siteUrl}/excerpts/?q=odd`);
    await page.locator('#explorer-list li').first().waitFor();
    expect(await page.locator('#explorer-list li blockquote').first().innerText()).toContain(
      '{which} is <b>odd</b> but `nice`',
    );
    expect(dialogs).toEqual([]);
    expect(foreign).toEqual([]);
    await context.close();
  });
});
