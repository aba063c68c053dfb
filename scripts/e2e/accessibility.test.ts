/**
 * Accessibility in Chromium: axe-core (WCAG 2.2 A and AA rules, and axe's best practices: heading
 * order, one landmark of each name, and so on) over every page of each kind in
 * the sitemap and a sample of excerpt pages, in light and dark schemes; keyboard walkthroughs of
 * the skip link, navigation and search; visible focus.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, skipBrowser, type Session } from './browser.ts';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Every page in the sitemap except excerpt permalinks, plus every 25th excerpt (CI stays fast). */
function pagesToCheck(dir: string): string[] {
  const sitemap = readFileSync(`${dir}/sitemap-0.xml`, 'utf8');
  const paths = [...sitemap.matchAll(/<loc>https?:\/\/[^/]+([^<]*)<\/loc>/g)].map((m) => m[1]);
  const excerpts = paths.filter((p) => /^\/excerpts\/[^/]+\/$/.test(p));
  return [
    ...paths.filter((p) => !excerpts.includes(p)),
    ...excerpts.filter((_, i) => i % 25 === 0),
    '/excerpts/?q=trust',
    '/404.html',
  ];
}

describe.skipIf(skipBrowser)('accessibility', () => {
  const siteUrl = inject('siteUrl');
  let session: Session;
  // axe is injected as an inline script, which the site's CSP rightly refuses; the test lifts it.
  beforeAll(async () => {
    session = await launchBrowser(siteUrl, { bypassCSP: true });
  });
  afterAll(async () => {
    await session?.context.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`has no axe violations (WCAG 2.2 AA and best practices) in the ${scheme} scheme`, async () => {
      const page = await session.context.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      const found: string[] = [];
      for (const path of pagesToCheck(inject('siteDir'))) {
        await page.goto(`${siteUrl}${path}`);
        if (path.includes('?q=')) await page.locator('#explorer-list li').first().waitFor();
        await page.addScriptTag({ content: AXE });
        const violations = await page.evaluate(async (tags) => {
          const axe = (
            window as unknown as {
              axe: {
                run(c: unknown, o: unknown): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
              };
            }
          ).axe;
          const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
          return result.violations.map(
            (v) =>
              `${v.id}: ${v.nodes
                .slice(0, 3)
                .map((n) => n.target.join(' '))
                .join(' | ')}`,
          );
        }, TAGS);
        found.push(...violations.map((v) => `${path} ${v}`));
      }
      await page.close();
      expect(found).toEqual([]);
    }, 240_000);
  }

  it('reflows at 390 px wide (WCAG 1.4.10): no page scrolls sideways', async () => {
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 390, height: 800 });
    const wide: string[] = [];
    for (const path of [
      '/',
      '/themes/',
      '/themes/trust-and-accuracy/',
      '/themes/trust-and-accuracy/excerpts/',
      '/maps/',
      '/maps/co-occurrence/',
      '/maps/participants/',
      '/excerpts/?q=trust',
      '/excerpts/E0156/',
      '/codes/time-saved/',
      '/brief/',
      '/data/',
      '/methods/',
      '/participants/',
      '/about/',
    ]) {
      await page.goto(`${siteUrl}${path}`, { waitUntil: 'networkidle' });
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 390) wide.push(`${path}: ${width}px`);
    }
    await page.close();
    expect(wide).toEqual([]);
  });

  it('offers a skip link first, then the navigation, and shows where focus is', async () => {
    const page = await session.context.newPage();
    await page.goto(`${siteUrl}/themes/`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    expect(page.url()).toBe(`${siteUrl}/themes/#main`);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.close();
  });

  it('lets a keyboard user search and filter the excerpts and open a result', async () => {
    const page = await session.context.newPage();
    await page.goto(`${siteUrl}/excerpts/`);
    await page.locator('#explorer-q').waitFor();
    await page.locator('#explorer-q').focus();
    await page.keyboard.type('consent');
    await page.keyboard.press('Enter');
    await page.locator('#explorer-list li').first().waitFor();
    await page.locator('#explorer-filters input[name="lang"][value="ur"]').focus();
    await page.keyboard.press('Space');
    await page.waitForURL(/lang=ur/);
    await expect.poll(() => page.locator('#explorer-status').innerText()).toMatch(/Language: Urdu original$/);
    await page.locator('#explorer-list li a').first().focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/excerpts\/[^/?]+\/$/);
    expect(await page.locator('.original').getAttribute('lang')).toBe('ur');
    await page.close();
  });
});
