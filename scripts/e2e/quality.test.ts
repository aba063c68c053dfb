/**
 * Quality gates over the built bundled site: page-weight budgets, no broken internal link or
 * anchor, and byte-identical output from two builds of the same study folder.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { launchBrowser, skipBrowser } from './browser.ts';
import { SITE_ADDRESS } from './global-setup.ts';
import { run } from '../build.ts';
import { BUDGETS, pageKind } from '../lib/budgets.ts';
import { checkLinks } from '../lib/check-links.ts';
import { listFiles } from '../lib/list-files.ts';
import { weighPage } from '../lib/site-budget.ts';

const dir = inject('siteDir');
const pages = listFiles(dir).filter((f) => f.endsWith('.html'));

describe('page-weight budgets (gzip)', () => {
  const weights = pages.map((p) => ({ ...weighPage(dir, p), kind: pageKind(p) }));

  it('keeps HTML+CSS of every page within 40 KB (long lists are paginated)', () => {
    expect(
      weights
        .filter((w) => w.htmlCss > BUDGETS[w.kind].htmlCss)
        .map((w) => `${w.page}: ${(w.htmlCss / 1024).toFixed(1)} KB`),
    ).toEqual([]);
  });

  it('keeps reading pages within 5 KB of JavaScript, map and search pages within 35 KB, none of it blocking', () => {
    expect(
      weights
        .filter((w) => w.js > BUDGETS[w.kind].js)
        .map((w) => `${w.page} (${w.kind}): ${(w.js / 1024).toFixed(1)} KB`),
    ).toEqual([]);
    expect(
      weights
        .filter((w) => w.jsWithLazy > BUDGETS[w.kind].jsWithLazy)
        .map((w) => `${w.page} (${w.kind}, with lazy): ${(w.jsWithLazy / 1024).toFixed(1)} KB`),
    ).toEqual([]);
    // The maps really are measured: their interaction is tens of kilobytes, loaded on first use.
    expect(weights.find((w) => w.page === 'index.html')!.jsWithLazy).toBeGreaterThan(10 * 1024);
    expect(
      weights.filter((w) => w.blockingScripts.length).map((w) => `${w.page}: ${w.blockingScripts.join(', ')}`),
    ).toEqual([]);
  });
});

describe('links', () => {
  it('has no broken internal link or anchor on any page', () => {
    const { pages: n, links, broken } = checkLinks(dir);
    expect(n).toBe(pages.length);
    expect(links).toBeGreaterThan(5000);
    expect(broken.slice(0, 20)).toEqual([]);
  });
});

describe('determinism', () => {
  /** Pagefind writes its index files in an order of its own; their names change with it. */
  const VOLATILE = /^pagefind\//;

  it('builds the same study folder twice into byte-identical HTML, downloads and assets', async () => {
    const second = resolve(`.build/determinism-${process.pid}`);
    // For the same address as the test site (see global-setup.ts).
    process.env.SITE_URL = SITE_ADDRESS;
    try {
      expect(await run(['--out', second])).toBe(true);
    } finally {
      delete process.env.SITE_URL;
    }
    const digest = (root: string) =>
      new Map(
        listFiles(root).map((f) => [
          f,
          createHash('sha256')
            .update(readFileSync(join(root, f)))
            .digest('hex'),
        ]),
      );
    const [a, b] = [digest(dir), digest(second)];
    const differ = [...new Set([...a.keys(), ...b.keys()])].filter((f) => a.get(f) !== b.get(f)).sort();
    expect(differ.filter((f) => !VOLATILE.test(f))).toEqual([]);
    // Report what Pagefind varied, so that a change in its behaviour is seen.
    if (differ.length) console.info(`determinism: Pagefind files that differ between two builds: ${differ.join(', ')}`);
  }, 180_000);
});

describe.skipIf(skipBrowser)('search cost', () => {
  it('fetches under 150 KB of Pagefind files for a first search, and says how much', async () => {
    const siteUrl = inject('siteUrl');
    const { context } = await launchBrowser(siteUrl);
    const page = await context.newPage();
    const sizes = new Map<string, number>();
    page.on('requestfinished', async (r) => {
      if (r.url().includes('/pagefind/')) sizes.set(r.url(), (await r.sizes()).responseBodySize);
    });
    await page.goto(`${siteUrl}/excerpts/?q=trust`);
    await page.locator('#explorer-list li').first().waitFor();
    await page.waitForLoadState('networkidle');
    const total = [...sizes.values()].reduce((a, b) => a + b, 0);
    console.info(
      `Pagefind bytes for a first search (${sizes.size} files, as transferred, JavaScript gzipped as static hosts serve it): ${(total / 1024).toFixed(1)} KB`,
    );
    expect(sizes.size).toBeGreaterThan(3);
    expect(total).toBeLessThan(150 * 1024);
    await context.close();
  });
});
