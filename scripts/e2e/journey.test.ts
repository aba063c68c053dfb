/** A reader's path in real Chromium: home -> a theme -> a featured quote -> its permalink. */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, skipBrowser, type Session } from './browser.ts';

describe.skipIf(skipBrowser)('reading the findings in Chromium', () => {
  const siteUrl = inject('siteUrl');
  let session: Session;
  beforeAll(async () => {
    session = await launchBrowser(siteUrl);
  });
  afterAll(async () => {
    await session?.context.close();
  });

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
    await page.locator('#explorer-list li').first().waitFor();
    expect(await page.locator('#explorer-status').innerText()).toMatch(/^\d+ excerpts? for “load-shedding”$/);
  });

  it('searches, filters, opens a result and copies its citation, with the state in the URL', async () => {
    await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: siteUrl });
    const page = await session.context.newPage();
    await page.goto(`${siteUrl}/excerpts/`);
    await page.getByLabel('Search the excerpts').fill('trust');
    await page.getByLabel('Search the excerpts').press('Enter');
    await page.waitForURL(`${siteUrl}/excerpts/?q=trust`);
    const status = page.locator('#explorer-status');
    await expect.poll(() => status.innerText()).toMatch(/^\d+ excerpts for “trust”$/);
    const all = Number((await status.innerText()).split(' ')[0]);

    await page.getByRole('checkbox', { name: /^Private/ }).check();
    await page.waitForURL(`${siteUrl}/excerpts/?q=trust&sector=Private`);
    await expect.poll(() => status.innerText()).toMatch(/· Sector: Private$/);
    const filtered = Number((await status.innerText()).split(' ')[0]);
    expect(filtered).toBeGreaterThan(0);
    expect(filtered).toBeLessThan(all);
    for (const meta of await page.locator('#explorer-list .meta').allInnerTexts())
      expect(meta).toContain('· Private ·');

    await page.goBack();
    await page.waitForURL(`${siteUrl}/excerpts/?q=trust`);
    await expect.poll(() => status.innerText()).toBe(`${all} excerpts for “trust”`);
    await page.goForward();
    await expect.poll(() => status.innerText()).toMatch(/· Sector: Private$/);

    const first = page.locator('#explorer-list li').first();
    const id = await first.locator('.meta a').innerText();
    await first.locator('.meta a').click();
    await page.waitForURL(`${siteUrl}/excerpts/${id}/`);
    await page.locator('button[data-copy="cite-apa"]').click();
    await expect.poll(() => page.locator('[data-copy-status]').innerText()).toBe('Copied to the clipboard');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await page.locator('#cite-apa').innerText());
    expect(copied).toContain(id);
    // Vancouver's "[cited ...]" is the reader's date: not in the page, written in on copy.
    const vancouver = await page.locator('#cite-vancouver').innerText();
    expect(vancouver).not.toContain('[cited');
    await page.locator('button[data-copy="cite-vancouver"]').click();
    const today = await page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()} ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getMonth()]} ${d.getDate()}`;
    });
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain(`[cited ${today}]`);
    expect((await page.evaluate(() => navigator.clipboard.readText())).replace(` [cited ${today}]`, '')).toBe(
      vancouver,
    );
    mkdirSync('.build/screenshots', { recursive: true });
    await page.screenshot({ path: '.build/screenshots/excerpt-cite.png', fullPage: true });
    expect(session.foreign).toEqual([]);
  });
});
