/**
 * The policy brief: its numbers are the theme pages' numbers, every claim links to excerpts that
 * exist, every section has a share link that works without JavaScript, it says when its data are
 * illustrative, and it prints on at most two A4 pages in Chromium.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseHtml, type HTMLElement } from 'node-html-parser';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, skipBrowser, type Session } from './browser.ts';

const dir = inject('siteDir');
const siteUrl = inject('siteUrl');
const page = (path: string) => parseHtml(readFileSync(join(dir, path, 'index.html'), 'utf8'));
const text = (el: HTMLElement) => el.text.replace(/\s+/g, ' ').trim();
const illustrative =
  (parseYaml(readFileSync('content/study/study.yaml', 'utf8')) as { provenance: { kind: string } }).provenance.kind ===
  'illustrative';

/** "Voiced by 14 of 22 participants, in 88 of 354 excerpts" -> its four numbers. */
function voiced(s: string): number[] {
  const m = /Voiced by (\d+) of (\d+) participants, in (\d+) of (\d+) excerpts/.exec(s);
  if (!m) throw new Error(`no "Voiced by n of N participants, in x of X excerpts" in: ${s.slice(0, 200)}`);
  return m.slice(1).map(Number);
}

/** The file a site-internal link points to, or undefined for external links. */
function target(href: string): string | undefined {
  if (/^[a-z]+:/i.test(href) || href.startsWith('#')) return undefined;
  const path = href.split('#')[0];
  return path.endsWith('/') ? join(dir, path, 'index.html') : join(dir, path);
}

describe('the policy brief', () => {
  const brief = page('brief');
  const sections = brief.querySelectorAll('section.brief-theme');
  const themeIds = readdirSync(join(dir, 'themes'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);

  it('has one section per theme page', () => {
    expect(sections.map((s) => s.id).sort()).toEqual(themeIds.sort());
  });

  it('gives the same "voiced by" and excerpt counts as each theme page', () => {
    for (const section of sections) {
      const onTheme = voiced(text(page(`themes/${section.id}`).querySelector('main')!));
      expect(voiced(text(section.querySelector('.brief-count')!)), section.id).toEqual(onTheme);
    }
  });

  it('links each finding to its curated excerpts and to all excerpts of the theme, and every link resolves', () => {
    for (const section of sections) {
      const hrefs = section.querySelectorAll('.brief-count a').map((a) => a.getAttribute('href')!);
      expect(
        hrefs.filter((h) => /\/excerpts\/[^/]+\/$/.test(h) && !h.includes('/themes/')).length,
        section.id,
      ).toBeGreaterThan(0);
      expect(hrefs, section.id).toContain(`/themes/${section.id}/excerpts/`);
    }
    for (const a of brief.querySelectorAll('main a')) {
      const href = a.getAttribute('href')!;
      const file = target(href);
      if (file) expect(existsSync(file), href).toBe(true);
      if (href.startsWith('#')) expect(brief.getElementById(href.slice(1)), href).not.toBeNull();
    }
  });

  it('has a plain share link to every section, with the section id, that needs no JavaScript', () => {
    for (const section of [...sections, brief.getElementById('recommendations')!]) {
      const link = section.querySelector('.brief-share a')!;
      expect(new URL(link.getAttribute('href')!).hash, section.id).toBe(`#${section.id}`);
      expect(
        section.querySelector('.brief-share button')!.hasAttribute('hidden'),
        'the copy button waits for JavaScript',
      ).toBe(true);
    }
  });

  it('links every recommendation to the findings behind it', () => {
    const items = brief.querySelectorAll('#recommendations li');
    expect(items.length).toBeGreaterThan(0);
    for (const li of items) expect(li.querySelectorAll('a[href^="#"]').length, text(li)).toBeGreaterThan(0);
  });

  it.runIf(illustrative)('says in its own text that the counts and excerpts are illustrative', () => {
    expect(text(brief.querySelector('.brief-notice')!)).toMatch(
      /^Illustrative data\. .*illustrative dataset, not from the study’s interviews/,
    );
    for (const section of sections)
      expect(text(section.querySelector('.brief-count')!)).toContain('of the illustrative dataset');
  });
});

describe.skipIf(skipBrowser)('the policy brief in Chromium', () => {
  let session: Session;
  beforeAll(async () => {
    session = await launchBrowser(siteUrl);
  });
  afterAll(async () => {
    await session?.context.close();
  });

  it('prints on at most two A4 pages', async () => {
    const tab = await session.context.newPage();
    await tab.goto(`${siteUrl}/brief/`);
    const pdf = await tab.pdf({ format: 'A4' });
    const pages = pageCount(pdf);
    console.log(`[brief] printed PDF: ${pages} A4 pages, ${(pdf.length / 1000).toFixed(0)} kB`);
    expect(pages).toBeGreaterThan(0);
    expect(pages).toBeLessThanOrEqual(2);
    await tab.close();
  });

  it('adds a working "Copy link" button when JavaScript runs', async () => {
    await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: siteUrl });
    const tab = await session.context.newPage();
    await tab.goto(`${siteUrl}/brief/`);
    const button = tab.locator('section.brief-theme .brief-copy').first();
    await expect(button.isVisible()).resolves.toBe(true);
    const href = await button.getAttribute('data-copy');
    await button.click();
    await expect(tab.evaluate(() => navigator.clipboard.readText())).resolves.toBe(href);
    expect(session.foreign).toEqual([]);
    await tab.close();
  });
});

/** Pages of a PDF: pdfinfo when installed, else its /Type /Page objects (Chromium writes them uncompressed). */
function pageCount(pdf: Buffer): number {
  const file = join(mkdtempSync(join(tmpdir(), 'brief-pdf-')), 'brief.pdf');
  writeFileSync(file, pdf);
  try {
    return Number(
      /^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { stdio: ['ignore', 'pipe', 'ignore'] }).toString())![1],
    );
  } catch {
    return pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
  }
}
