/** A reader's path in real Chromium: home -> a theme -> a featured quote -> its permalink. */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, skipBrowser, type Session } from './browser.ts';

describe.skipIf(skipBrowser)('reading the findings in Chromium', () => {
  const siteUrl = inject('siteUrl');
  let session: Session;
  beforeAll(async () => { session = await launchBrowser(siteUrl); });
  afterAll(async () => { await session?.context.close(); });

  it('goes from home to a theme to a quote, without leaving the site', async () => {
    const page = await session.context.newPage();
    await page.goto(`${siteUrl}/`);
    expect(await page.locator('h1').innerText()).toContain('Between Trust and Tension');
    expect(await page.locator('.notice').innerText()).toContain('Illustrative data');
    await page.getByRole('link', { name: 'Trust, accuracy and hesitation' }).first().click();
    await page.waitForURL(`${siteUrl}/themes/trust-and-accuracy/`);
    expect(await page.locator('h1').innerText()).toBe('Trust, accuracy and hesitation');

    const quote = page.locator('figure.quote').first();
    const said = await quote.locator('blockquote').innerText();
    const id = await quote.getAttribute('data-excerpt');
    await quote.getByRole('link', { name: new RegExp(`excerpt ${id}`) }).click();
    await page.waitForURL(`${siteUrl}/excerpts/${id}/`);
    expect(await page.locator('[data-excerpt-text]').innerText()).toBe(said.trim());
    mkdirSync('.build/screenshots', { recursive: true });
    await page.screenshot({ path: '.build/screenshots/journey-excerpt.png', fullPage: true });
    expect(session.foreign).toEqual([]);
  });

  it('lands a header search on the excerpt search with the query', async () => {
    const page = await session.context.newPage();
    await page.goto(`${siteUrl}/methods/`);
    await page.getByRole('searchbox', { name: 'Search excerpts' }).fill('load-shedding');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${siteUrl}/excerpts/?q=load-shedding`);
    await page.locator('.pagefind-ui__result').first().waitFor();
    expect(await page.locator('.pagefind-ui__result').count()).toBeGreaterThan(0);
  });
});
