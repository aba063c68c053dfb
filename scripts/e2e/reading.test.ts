/**
 * The site as readers meet it, in Chromium at 390x844 and 1280x800, light and dark, with and
 * without JavaScript: the findings on the first screen, labels legible on a phone, matrices that
 * keep their row labels, filter counts that match what ticking gives, routes that work without
 * JavaScript, and the fonts each page downloads.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, skipBrowser, type Session } from './browser.ts';
import { listFiles } from '../lib/list-files.ts';

const siteUrl = inject('siteUrl');
const dir = inject('siteDir');
const codebook = parseYaml(readFileSync('content/study/codebook.yaml', 'utf8')) as {
  themes: { id: string; label: string; subthemes: { codes: { id: string; label: string }[] }[] }[];
};
const codes = codebook.themes.flatMap((t) => t.subthemes.flatMap((s) => s.codes));
interface Record {
  id: string;
  participant: string;
  attributes: { [k: string]: string };
  codes: string[];
  themes: string[];
  original_lang: string | null;
  original_text: string | null;
}
const records = (JSON.parse(readFileSync(join(dir, 'data/excerpts.json'), 'utf8')) as { excerpts: Record[] }).excerpts;

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
/** Every screen and scheme the "Done when" names: 390x844 and 1280x800, light and dark. */
const SCREENS = [PHONE, DESKTOP].flatMap((viewport) =>
  (['light', 'dark'] as const).map((scheme) => ({ viewport, scheme })),
);
const named = ({ viewport, scheme }: (typeof SCREENS)[number]) => `at ${viewport.width}x${viewport.height} (${scheme})`;
/** A new page at that screen size and colour scheme. */
async function pageAt(context: BrowserContext, { viewport, scheme }: (typeof SCREENS)[number]): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  await page.emulateMedia({ colorScheme: scheme });
  return page;
}

/** Bytes of every font file the page downloads while it loads and settles. */
async function fontBytes(
  context: BrowserContext,
  path: string,
  act?: (page: Page) => Promise<void>,
  screen: (typeof SCREENS)[number] = SCREENS[2],
): Promise<{ total: number; files: string[] }> {
  const page = await pageAt(context, screen);
  const files: string[] = [];
  let total = 0;
  page.on('response', async (r) => {
    if (r.request().resourceType() !== 'font' || r.status() !== 200) return;
    const size = (await r.body()).length;
    total += size;
    files.push(`${r.url().split('/').pop()} ${size}`);
  });
  await page.goto(`${siteUrl}${path}`, { waitUntil: 'networkidle' });
  if (act) {
    await act(page);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(200);
  }
  await page.close();
  return { total, files };
}

describe.skipIf(skipBrowser)('reading the site', () => {
  let session: Session;
  beforeAll(async () => {
    session = await launchBrowser(siteUrl, { viewport: DESKTOP });
  });
  afterAll(async () => {
    await session?.context.close();
  });

  for (const viewport of [PHONE, DESKTOP]) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`shows every finding, linked to its theme, and the brief on the first screen at ${viewport.width}x${viewport.height} (${scheme})`, async () => {
        const page = await session.context.newPage();
        await page.setViewportSize(viewport);
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(`${siteUrl}/`, { waitUntil: 'networkidle' });
        const findings = page.locator('[data-findings] li');
        expect(await findings.count()).toBe(codebook.themes.length);
        for (const [i, theme] of codebook.themes.entries()) {
          const item = findings.nth(i);
          expect(await item.locator('a').getAttribute('href')).toBe(`/themes/${theme.id}/`);
          expect((await item.innerText()).length).toBeGreaterThan(theme.label.length + 20);
          const box = (await item.boundingBox())!;
          expect(box.y + box.height, `finding ${i + 1} ends within the first screen`).toBeLessThanOrEqual(
            viewport.height,
          );
        }
        const brief = page.locator('main a[href="/brief/"]').first();
        const box = (await brief.boundingBox())!;
        expect(box.y + box.height, 'the brief link is on the first screen').toBeLessThanOrEqual(viewport.height);
        // The illustrative notice: two lines at most on a phone, with the details one tap away.
        const notice = page.locator('.notice p');
        const lines = await notice.evaluate((p) =>
          Math.round(p.getBoundingClientRect().height / parseFloat(getComputedStyle(p).lineHeight)),
        );
        if (viewport === PHONE) expect(lines).toBeLessThanOrEqual(2);
        expect(await notice.locator('a[href="/about/"]').isVisible()).toBe(true);
        await page.close();
      });
    }
  }

  it('keeps the header on one row at 1280 px, and cards with no hole in their grid', async () => {
    const page = await session.context.newPage();
    await page.setViewportSize(DESKTOP);
    await page.goto(`${siteUrl}/`);
    const tops = await page.evaluate(() =>
      ['.site-title', '.site-nav', '.search-form'].map((s) => document.querySelector(s)!.getBoundingClientRect().top),
    );
    expect(Math.max(...tops) - Math.min(...tops)).toBeLessThan(12);
    const { grid, last } = await page.evaluate(() => ({
      grid: document.querySelector('.cards')!.getBoundingClientRect().right,
      last: document.querySelector('.cards > .card:last-child')!.getBoundingClientRect().right,
    }));
    expect(Math.abs(grid - last)).toBeLessThan(2);
    await page.close();
  });

  for (const viewport of [PHONE, DESKTOP]) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`shows on each theme card how many participants voiced it, a number that sets it apart, at ${viewport.width}x${viewport.height} (${scheme})`, async () => {
        const page = await session.context.newPage();
        await page.setViewportSize(viewport);
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(`${siteUrl}/`, { waitUntil: 'networkidle' });
        const participants = new Set(records.map((r) => r.participant)).size;
        const shown: number[] = [];
        for (const theme of codebook.themes) {
          const card = page.locator('.cards > .card').filter({ has: page.locator(`a[href="/themes/${theme.id}/"]`) });
          const n = card.locator('.card-breadth-n');
          expect(await n.isVisible(), theme.id).toBe(true);
          const [, voiced, of] = /^(\d+) of (\d+) participants/.exec((await n.innerText()).trim())!;
          expect(Number(voiced), theme.id).toBe(
            new Set(records.filter((r) => r.themes.includes(theme.id)).map((r) => r.participant)).size,
          );
          expect(Number(of)).toBe(participants);
          expect(parseFloat(await n.evaluate((el) => getComputedStyle(el).fontSize)), theme.id).toBeGreaterThanOrEqual(
            12,
          );
          shown.push(Number(voiced));
        }
        // The bundled study's themes are voiced by different numbers of participants, so each card says something of its own.
        expect(new Set(shown).size, shown.join(', ')).toBe(codebook.themes.length);
        expect(Math.max(...shown)).toBeLessThan(participants + 1);
        expect(Math.min(...shown)).toBeLessThan(participants);
        await page.close();
      });
    }
  }

  for (const screen of SCREENS)
    it(`draws every chart label at 12 px or more ${named(screen)}`, async () => {
      const page = await pageAt(session.context, screen);
      const small: string[] = [];
      for (const path of [
        '/',
        '/maps/',
        '/maps/participants/',
        '/maps/co-occurrence/',
        `/themes/${codebook.themes[0].id}/`,
      ]) {
        await page.goto(`${siteUrl}${path}`, { waitUntil: 'networkidle' });
        small.push(
          ...(await page.evaluate(
            (p) =>
              [...document.querySelectorAll<SVGTextElement>('main svg text')]
                .filter((t) => t.getClientRects().length > 0 && t.getBoundingClientRect().width > 0)
                .map((t) => {
                  const svg = t.ownerSVGElement!;
                  const scale =
                    svg.getBoundingClientRect().width /
                    (svg.viewBox.baseVal.width || svg.getBoundingClientRect().width);
                  return { text: t.textContent, px: parseFloat(getComputedStyle(t).fontSize) * scale };
                })
                .filter((l) => l.px < 11.95)
                .map((l) => `${p} "${l.text}" ${l.px.toFixed(1)}px`),
            path,
          )),
        );
      }
      await page.close();
      expect(small).toEqual([]);
    });

  it('keeps matrix row labels in view while the matrix scrolls sideways, and says it scrolls', async () => {
    const page = await session.context.newPage();
    await page.setViewportSize(PHONE);
    for (const [path, figure] of [
      ['/maps/co-occurrence/', '#cooccurrence-codes'],
      ['/maps/participants/', '#participant-matrix'],
    ]) {
      const label = '[data-sticky] text';
      await page.goto(`${siteUrl}${path}`, { waitUntil: 'networkidle' });
      const scroller = page.locator(`${figure} [data-scroller]:visible`).first();
      await scroller.scrollIntoViewIfNeeded();
      expect(await page.locator(`${figure} [data-scroll-hint]`).isVisible(), `${path}: the scroll hint shows`).toBe(
        true,
      );
      const before = (await scroller.locator(label).first().boundingBox())!;
      await scroller.evaluate((el) => {
        el.scrollLeft = 150;
        el.dispatchEvent(new Event('scroll'));
      });
      await page.waitForTimeout(50);
      expect(await scroller.evaluate((el) => el.scrollLeft), `${path} scrolls`).toBeGreaterThan(100);
      const after = (await scroller.locator(label).first().boundingBox())!;
      expect(Math.abs(after.x - before.x), `${path}: row labels stay put`).toBeLessThan(2);
    }
    await page.close();
  });

  it('says "darker for more" on a light page and "brighter for more" on a dark one', async () => {
    const page = await session.context.newPage();
    for (const [scheme, word] of [
      ['light', 'darker'],
      ['dark', 'brighter'],
    ] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const path of ['/maps/participants/', '/maps/co-occurrence/']) {
        await page.goto(`${siteUrl}${path}`);
        const caption = await page.locator('figure figcaption').first().innerText();
        expect(caption, `${path} ${scheme}`).toContain(`${word} for more`);
      }
    }
    await page.close();
  });

  it('previews a band on the first tap and opens it on the second, on a touch screen', async () => {
    const touch = await launchBrowser(siteUrl, { viewport: PHONE, hasTouch: true, isMobile: true });
    try {
      const page = await touch.context.newPage();
      await page.goto(`${siteUrl}/maps/`, { waitUntil: 'networkidle' });
      const code = codebook.themes[1].subthemes[0].codes[0];
      const band = page.locator(`#theme-map .map-narrow .map-node[data-id="${code.id}"] rect`);
      await band.scrollIntoViewIfNeeded();
      await band.tap();
      await page.waitForTimeout(300);
      expect(page.url()).toBe(`${siteUrl}/maps/`);
      const details = page.locator('#theme-map [data-details]');
      expect(await details.innerText()).toContain(code.label);
      const box = (await details.boundingBox())!;
      expect(box.y + box.height, 'the details are on screen').toBeLessThanOrEqual(PHONE.height + 1);
      await band.tap();
      await page.waitForURL(`${siteUrl}/codes/${code.id}/`);
    } finally {
      await touch.context.close();
    }
  });

  it('does not move the map when focus loads its interaction', async () => {
    const page = await session.context.newPage();
    await page.setViewportSize(DESKTOP);
    await page.goto(`${siteUrl}/`, { waitUntil: 'networkidle' });
    const map = page.locator('#theme-map svg.map-wide');
    await map.scrollIntoViewIfNeeded();
    const before = await map.evaluate((el) => el.getBoundingClientRect().top + scrollY);
    await page.locator('#theme-map .map-wide .map-node').first().focus();
    await page.locator('#theme-map [data-controls]:not([hidden])').waitFor({ state: 'attached' });
    const after = await map.evaluate((el) => el.getBoundingClientRect().top + scrollY);
    expect(Math.abs(after - before)).toBeLessThan(1);
    await page.close();
  });
});

describe.skipIf(skipBrowser)('search counts and snippets', () => {
  let session: Session;
  beforeAll(async () => {
    session = await launchBrowser(siteUrl);
  });
  afterAll(async () => {
    await session?.context.close();
  });

  /** The count beside each box of a group, as the explorer shows it. */
  async function shownCounts(page: Page, group: string): Promise<Map<string, { n: number; checked: boolean }>> {
    const rows = await page.locator(`#explorer-filters input[name="${group}"]`).evaluateAll((boxes) =>
      boxes.map((b) => {
        const box = b as HTMLInputElement;
        return [
          box.value,
          { n: Number(box.parentElement!.querySelector('.n')!.textContent), checked: box.checked },
        ] as const;
      }),
    );
    return new Map(rows);
  }
  const resultCount = async (page: Page) =>
    Number(/^(\d+) excerpt/.exec(await page.locator('#explorer-status').innerText())![1]);
  async function open(page: Page, query: string) {
    await page.goto(`${siteUrl}/excerpts/?${query}`);
    await page
      .locator('#explorer-status')
      .filter({ hasText: /excerpt/ })
      .waitFor();
  }

  it('shows beside each box, under OR filters, the number of results ticking it gives', async () => {
    const page = await session.context.newPage();
    const query = `q=burnout&sector=Public&theme=${codebook.themes[0].id}`;
    await open(page, query);
    for (const group of ['theme', 'sector']) {
      for (const [value, { n, checked }] of await shownCounts(page, group)) {
        if (checked) continue;
        await page.locator(`#explorer-filters input[name="${group}"][value="${value}"]`).check();
        await page.waitForURL((u) => u.searchParams.getAll(group).includes(value));
        await page
          .locator('#explorer-status')
          .filter({ hasText: /excerpt/ })
          .waitFor();
        await expect.poll(() => resultCount(page), { message: `${group}=${value}` }).toBe(n);
        await open(page, query);
      }
    }
    await page.close();
  });

  for (const screen of SCREENS)
    it(`counts filters as a brute-force count does ${named(screen)}`, async () => {
      const page = await pageAt(session.context, screen);
      const theme = codebook.themes[0].id;
      await open(page, `sector=Public&theme=${theme}`);
      const matches = (r: Record, themes: string[], sectors: string[]) =>
        r.themes.some((t) => themes.includes(t)) && sectors.includes(r.attributes.sector);
      for (const [value, { n, checked }] of await shownCounts(page, 'theme')) {
        const expected = checked
          ? records.filter((r) => matches(r, [theme], ['Public']) && r.themes.includes(value)).length
          : records.filter((r) => matches(r, [theme, value], ['Public'])).length;
        expect(n, `theme ${value}`).toBe(expected);
      }
      for (const [value, { n, checked }] of await shownCounts(page, 'sector')) {
        const expected = records.filter(
          (r) =>
            matches(r, [theme], checked ? ['Public'] : ['Public', value]) &&
            (!checked || r.attributes.sector === value),
        ).length;
        expect(n, `sector ${value}`).toBe(expected);
      }
      await page.close();
    });

  it('marks a cut snippet with an ellipsis, and sets an Urdu original apart, right to left, in Nastaliq', async () => {
    const page = await session.context.newPage();
    await open(page, 'q=consent&lang=ur');
    await page.locator('#explorer-list li').first().waitFor();
    const snippets = await page.locator('#explorer-list blockquote p').allInnerTexts();
    expect(snippets.some((s) => /\u2026$/.test(s.trim()) || /^\u2026/.test(s.trim()))).toBe(true);
    const urdu = page.locator('#explorer-list .original').first();
    expect(await urdu.getAttribute('lang')).toBe('ur');
    expect(await urdu.getAttribute('dir')).toBe('rtl');
    expect(await urdu.evaluate((el) => getComputedStyle(el).fontFamily)).toContain('Noto Nastaliq Urdu');
    expect(await urdu.innerText()).toMatch(/\p{Script=Arabic}/u);
    await page.close();
  });
});

describe.skipIf(skipBrowser)('without JavaScript', () => {
  let session: Session;
  beforeAll(async () => {
    session = await launchBrowser(siteUrl, { javaScriptEnabled: false, viewport: DESKTOP });
  });
  afterAll(async () => {
    await session?.context.close();
  });

  for (const screen of SCREENS)
    it(`offers no search box that leads nowhere, but lists by theme and code ${named(screen)}`, async () => {
      const page = await pageAt(session.context, screen);
      await page.goto(`${siteUrl}/themes/`);
      expect(await page.locator('.search-form').isVisible()).toBe(false);
      await page.locator('.site-header .search-link').click();
      await page.waitForURL(`${siteUrl}/excerpts/`);
      expect(await page.locator('#explorer').isVisible()).toBe(false);
      const codeLinks = await page.locator('#browse ~ * a[href^="/codes/"]').count();
      expect(codeLinks).toBe(codes.length);
      await page.close();
    });

  it("leads every code link to a static page of that code's excerpts, all of them, page by page", async () => {
    const page = await session.context.newPage();
    await page.goto(`${siteUrl}/`);
    const mapHrefs = await page
      .locator('#theme-map .map-wide .map-node[data-kind="code"]')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(new Set(mapHrefs)).toEqual(new Set(codes.map((c) => `/codes/${c.id}/`)));
    // The codes table of each theme page links each code to its page too.
    for (const theme of codebook.themes) {
      const html = readFileSync(join(dir, 'themes', theme.id, 'index.html'), 'utf8');
      const linked = new Set([...html.matchAll(/<td[^>]*><a href="\/codes\/([^/"]+)\/"/g)].map((m) => m[1]));
      expect(linked, theme.id).toEqual(new Set(theme.subthemes.flatMap((s) => s.codes.map((c) => c.id))));
    }
    // One code page in the browser, without JavaScript: its excerpts are there to read.
    await page.goto(`${siteUrl}/codes/${codes[0].id}/`);
    expect(await page.locator('[data-excerpt]').count()).toBeGreaterThan(0);
    await page.close();
    // Every code's pages, read from the built files: together they hold exactly that code's excerpts.
    const perPage = Number(/(\d+) to a page/.exec(readFileSync(join(dir, 'excerpts/index.html'), 'utf8'))![1]);
    for (const code of codes) {
      const ids: string[] = [];
      for (let n = 1; ; n++) {
        let html: string;
        try {
          html = readFileSync(join(dir, 'codes', code.id, n === 1 ? '' : String(n), 'index.html'), 'utf8');
        } catch {
          break;
        }
        const here = [...html.matchAll(/data-excerpt="([^"]+)"/g)].map((m) => m[1]);
        expect(here.length).toBeLessThanOrEqual(perPage);
        ids.push(...here);
      }
      expect(ids.sort(), code.id).toEqual(
        records
          .filter((r) => r.codes.includes(code.id))
          .map((r) => r.id)
          .sort(),
      );
    }
  });

  for (const screen of SCREENS)
    it(`opens a code's static page from a theme page, its excerpts there ${named(screen)}`, async () => {
      const page = await pageAt(session.context, screen);
      await page.goto(`${siteUrl}/themes/${codebook.themes[0].id}/`);
      const link = page.locator('main a[href^="/codes/"]:visible').first();
      const href = (await link.getAttribute('href'))!;
      await link.click();
      await page.waitForURL(`${siteUrl}${href}`);
      const id = href.split('/')[2];
      const shown = await page
        .locator('[data-excerpt]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-excerpt')));
      expect(shown.length).toBeGreaterThan(0);
      for (const excerpt of shown) expect(records.find((r) => r.id === excerpt)!.codes, excerpt!).toContain(id);
      expect(await page.locator('[data-excerpt]').first().isVisible()).toBe(true);
      await page.close();
    });

  it('separates every sentence from the next, as a reader sees it, on one page of every kind', async () => {
    // One page per template: the first of each folder pattern (codes/<id>/, codes/<id>/<n>/, ...).
    const kinds = new Map<string, string>();
    for (const path of listFiles(dir).sort()) {
      if (!path.endsWith('.html') || /^(_astro|pagefind|fonts)\//.test(path)) continue;
      const kind = path
        .split('/')
        .map((part, i) => (i === 0 || part.endsWith('.html') ? part : '*'))
        .join('/');
      if (!kinds.has(kind)) kinds.set(kind, path);
    }
    expect(kinds.size).toBeGreaterThan(10);
    const page = await session.context.newPage();
    const glued: string[] = [];
    for (const path of kinds.values()) {
      await page.goto(`${siteUrl}/${path.replace(/index\.html$/, '')}`);
      // What the reader sees (innerText leaves out what is hidden): a sentence's end glued to the
      // next word, as Astro renders text, an expression and a line break before an element.
      const text = await page.locator('body').innerText();
      for (const m of text.matchAll(/\p{Ll}{2}[.;:!?,]\p{Lu}\p{Ll}/gu))
        glued.push(`${path}: ...${text.slice(Math.max(0, m.index - 30), m.index + 30)}...`);
    }
    await page.close();
    expect(glued).toEqual([]);
  });

  it('puts as many excerpts on a page as the text says', () => {
    const perPage = Number(/(\d+) to a page/.exec(readFileSync(join(dir, 'excerpts/index.html'), 'utf8'))![1]);
    const theme = codebook.themes.find((t) => records.filter((r) => r.themes.includes(t.id)).length > perPage)!;
    const first = readFileSync(join(dir, `themes/${theme.id}/excerpts/index.html`), 'utf8');
    expect(first.match(/data-excerpt="/g)?.length).toBe(perPage);
  });
});

describe.skipIf(skipBrowser)('fonts', () => {
  let session: Session;
  beforeAll(async () => {
    session = await launchBrowser(siteUrl, { viewport: DESKTOP });
  });
  afterAll(async () => {
    await session?.context.close();
  });
  const urdu = records.find((r) => r.original_lang === 'ur')!;
  /** The Urdu original whose cut of the face is of median size, checked at every screen (every original is checked at one). */
  const urduIds = records.filter((r) => r.original_lang === 'ur').map((r) => r.id);
  const cutSize = (id: string) => statSync(join(dir, 'fonts/urdu', `${id}.woff2`)).size;
  const bySize = [...urduIds].sort((a, b) => cutSize(a) - cutSize(b) || a.localeCompare(b));
  const typical = { id: bySize[Math.floor(urduIds.length / 2)] };

  for (const screen of SCREENS)
    it(`loads at most 40 KB of text face on any page, font-display: swap, ${named(screen)}`, async () => {
      const css = readFileSync(join(dir, 'fonts/faces.css'), 'utf8');
      expect(css.match(/@font-face/g)!.length).toBeGreaterThan(0);
      for (const rule of css
        .split('@font-face')
        .slice(1)
        .filter((r) => r.includes('.woff2')))
        expect(rule).toContain('font-display: swap');
      for (const file of readdirSync(join(dir, 'fonts')).filter((f) => f.endsWith('.woff2')))
        expect(file).toMatch(/^literata-/);
      for (const path of [
        '/',
        '/themes/',
        `/themes/${codebook.themes[0].id}/`,
        '/maps/',
        '/brief/',
        '/data/',
        '/excerpts/?q=trust',
        `/codes/${codes[0].id}/`,
      ]) {
        const { files } = await fontBytes(session.context, path, undefined, screen);
        const text = files.filter((f) => f.startsWith('literata-')).reduce((n, f) => n + Number(f.split(' ')[1]), 0);
        expect(text, `${path}: ${files.join(', ')}`).toBeLessThanOrEqual(40 * 1024);
        expect(text, path).toBeGreaterThan(0);
      }
    });

  it('keeps a page with one Urdu quote under 60 KB of fonts, and loads Nastaliq only when the original is shown', async () => {
    const folded = await fontBytes(session.context, `/excerpts/${urdu.id}/`);
    expect(folded.total, folded.files.join(', ')).toBeLessThan(60 * 1024);
    expect(
      folded.files.some((f) => f.includes('nastaliq') || f.includes('/urdu/') || /^(all|E\d+)\.woff2/.test(f)),
    ).toBe(false);
  });

  for (const screen of SCREENS)
    it(`shows an Urdu original (median cut) in its own cut, under 60 KB of fonts ${named(screen)}`, async () => {
      const open = async (page: Page) => {
        await page.locator('.original-wrap summary').click();
      };
      const shown = await fontBytes(session.context, `/excerpts/${typical.id}/`, open, screen);
      const urduFiles = shown.files.filter((f) => !f.startsWith('literata-')).map((f) => f.split(' ')[0]);
      expect(urduFiles, shown.files.join(', ')).toEqual([`${typical.id}.woff2`]);
      expect(shown.total, shown.files.join(', ')).toBeLessThan(60 * 1024);
    });

  it('cuts the Urdu face per original: showing any one loads only its own glyphs, under 60 KB of fonts with the text faces', async () => {
    const whole = statSync(
      join('node_modules/@fontsource/noto-nastaliq-urdu/files/noto-nastaliq-urdu-arabic-400-normal.woff2'),
    ).size;
    for (const r of records.filter((x) => x.original_lang === 'ur')) {
      const shown = await fontBytes(session.context, `/excerpts/${r.id}/`, async (page) => {
        await page.locator('.original-wrap summary').click();
      });
      const urduFiles = shown.files.filter((f) => !f.startsWith('literata-'));
      expect(
        urduFiles.map((f) => f.split(' ')[0]),
        r.id,
      ).toEqual([`${r.id}.woff2`]);
      const urduBytes = Number(urduFiles[0].split(' ')[1]);
      expect(urduBytes, r.id).toBeLessThan(whole / 3);
      expect(shown.total, `${r.id}: ${shown.files.join(', ')}`).toBeLessThan(60 * 1024);
    }
  }, 180_000);

  it('gives an Urdu original in a search snippet its own cut, so one such quote stays under 60 KB of fonts', async () => {
    let id = '';
    const found = await fontBytes(session.context, '/excerpts/?q=consent&lang=ur', async (page) => {
      const first = page.locator('#explorer-list li:has(.original)').first();
      await first.waitFor({ timeout: 10_000 });
      id = (await first.getAttribute('data-excerpt'))!;
    });
    const urduFiles = found.files.filter((f) => !f.startsWith('literata-')).map((f) => f.split(' ')[0]);
    expect(urduFiles.length, found.files.join(', ')).toBeGreaterThan(0);
    expect(urduFiles).toContain(`${id}.woff2`);
    expect(urduFiles).not.toContain('all.woff2');
    // One file per Urdu quote on the page: the budget holds per quote.
    expect(found.total, found.files.join(', ')).toBeLessThan(urduFiles.length * 60 * 1024);
  });

  it('draws an Urdu original in its cut face exactly as the whole face draws it', async () => {
    const page = await session.context.newPage();
    await page.goto(`${siteUrl}/excerpts/${urdu.id}/`, { waitUntil: 'networkidle' });
    await page.locator('.original-wrap summary').click();
    await page.waitForLoadState('networkidle');
    const original = page.locator('.original');
    expect(await original.evaluate((el) => getComputedStyle(el).fontFamily)).toContain(`Noto Nastaliq Urdu ${urdu.id}`);
    // The text on one line in the cut face and in the whole face (from the package): a face missing a
    // contextual form or a mark draws the joined words at other widths and heights.
    const whole = readFileSync(
      'node_modules/@fontsource/noto-nastaliq-urdu/files/noto-nastaliq-urdu-arabic-400-normal.woff2',
    );
    const [cut, full] = await original.evaluate(async (el, base64) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      document.fonts.add(await new FontFace('Whole Nastaliq', bytes.buffer).load());
      await document.fonts.ready;
      return [getComputedStyle(el).fontFamily, "'Whole Nastaliq', serif"].map((family) => {
        const line = Object.assign(document.createElement('span'), { textContent: el.textContent });
        Object.assign(line.style, { fontFamily: family, whiteSpace: 'nowrap', position: 'absolute', direction: 'rtl' });
        document.body.append(line);
        const box = line.getBoundingClientRect();
        line.remove();
        return [Math.round(box.width * 100) / 100, Math.round(box.height * 100) / 100];
      });
    }, whole.toString('base64'));
    expect(
      await page.evaluate((id) => document.fonts.check(`16px "Noto Nastaliq Urdu ${id}"`, '\u0627'), urdu.id),
    ).toBe(true);
    expect(cut[0]).toBeGreaterThan(500);
    expect(cut).toEqual(full);
    await page.close();
  });
});
