/**
 * Security gates over the built bundled site: a strict CSP (no 'unsafe-inline') that every page
 * obeys in Chromium, Pagefind working under it, no inline event handlers, no source maps, and no
 * request to another origin.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles } from '../lib/list-files.ts';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, skipBrowser, type Session } from './browser.ts';

const dir = inject('siteDir');
const all = listFiles(dir);
const html = all.filter((f) => f.endsWith('.html'));

describe('the built site', () => {
  it('has a Content-Security-Policy on every page, without unsafe-inline', () => {
    for (const f of html) {
      const csp = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(
        readFileSync(join(dir, f), 'utf8'),
      )?.[1];
      expect(csp, f).toBeDefined();
      expect(csp, f).not.toContain('unsafe-inline');
      expect(csp, f).toMatch(/script-src 'self' 'wasm-unsafe-eval'/);
      expect(csp, f).toContain("object-src 'none'");
    }
  });

  it('has no inline event handlers and no style attributes', () => {
    for (const f of html) {
      const page = readFileSync(join(dir, f), 'utf8');
      expect(page.match(/<[^>]+\son[a-z]+=/gi) ?? [], f).toEqual([]);
      expect(page.match(/<[^>]+\sstyle=/gi) ?? [], f).toEqual([]);
    }
  });

  it('ships no source maps', () => {
    expect(all.filter((f) => f.endsWith('.map'))).toEqual([]);
    for (const f of all.filter((x) => x.endsWith('.js')))
      expect(readFileSync(join(dir, f), 'utf8'), f).not.toContain('sourceMappingURL=');
  });
});

describe.skipIf(skipBrowser)('the CSP in Chromium', () => {
  const siteUrl = inject('siteUrl');
  let session: Session;
  beforeAll(async () => {
    session = await launchBrowser(siteUrl);
  });
  afterAll(async () => {
    await session?.context.close();
  });

  it('blocks nothing the site needs, search included, and nothing leaves the origin', async () => {
    const pages = [
      '/',
      '/themes/',
      '/themes/trust-and-accuracy/',
      '/themes/trust-and-accuracy/excerpts/',
      '/maps/',
      '/excerpts/?q=trust&sector=Private',
      '/excerpts/E0156/',
      '/brief/',
      '/data/',
      '/methods/',
      '/participants/',
      '/about/',
      '/no-such-page/',
    ];
    for (const path of pages) {
      const page = await session.context.newPage();
      const violations: string[] = [];
      const errors: string[] = [];
      await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
      await page.addInitScript(() =>
        document.addEventListener('securitypolicyviolation', (e) =>
          (window as unknown as { reportViolation(v: string): void }).reportViolation(
            `${e.violatedDirective} ${e.blockedURI}`,
          ),
        ),
      );
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => {
        if (m.type() === 'error' && !/404/.test(m.text())) errors.push(m.text());
      });
      await page.goto(`${siteUrl}${path}`, { waitUntil: 'networkidle' });
      if (path.startsWith('/excerpts/?')) await page.locator('#explorer-list li').first().waitFor();
      expect(violations, path).toEqual([]);
      expect(errors, path).toEqual([]);
      await page.close();
    }
    expect(session.foreign).toEqual([]);
  });
});
