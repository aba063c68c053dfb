/**
 * The maps (theme map, co-occurrence, participant x theme) on the built bundled study: their
 * numbers agree with the theme pages, they render without JavaScript, they stay within the JS
 * budget, and in Chromium they work by keyboard alone and by mouse.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseHtml, type HTMLElement } from 'node-html-parser';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, skipBrowser, type Session } from './browser.ts';
import { weighPage } from '../lib/site-budget.ts';

const dir = inject('siteDir');
const siteUrl = inject('siteUrl');
const page = (path: string) => parseHtml(readFileSync(join(dir, path, 'index.html'), 'utf8'));
const text = (s: string) => s.replace(/\s+/g, ' ').trim();

const study = parseYaml(readFileSync('content/study/study.yaml', 'utf8')) as {
  privacy: { shownAttributes?: string[] };
};
const codebook = parseYaml(readFileSync('content/study/codebook.yaml', 'utf8')) as {
  themes: {
    id: string;
    label: string;
    subthemes: { id: string; label: string; codes: { id: string; label: string }[] }[];
  }[];
};
const themeIds = codebook.themes.map((t) => t.id);
const nodeCount = codebook.themes.reduce((n, t) => n + 1 + t.subthemes.reduce((m, s) => m + 1 + s.codes.length, 0), 0);

/** What a theme page says: its own counts, each code's counts, and the themes it shares excerpts with. */
function themePageCounts(id: string) {
  const html = page(`themes/${id}`);
  const main = html.querySelector('main')!;
  const [, participants, excerpts] = /Voiced by (\d+) of \d+ participants, in (\d+) of/.exec(text(main.text))!;
  const codes = new Map<string, { participants: string; excerpts: string }>();
  for (const tr of main.querySelectorAll('table tbody tr')) {
    const cells = tr.querySelectorAll('td').map((td) => text(td.text));
    if (cells.length === 4) codes.set(cells[0], { participants: cells[2].split(' of ')[0], excerpts: cells[3] });
  }
  const related = new Map(
    main
      .querySelectorAll('li')
      .map((li) => /^(.+): coded together in (\d+) excerpts?$/.exec(text(li.text)))
      .filter((m) => m !== null)
      .map((m) => [m[1], m[2]]),
  );
  return { html, participants, excerpts, codes, related };
}

/** The rows of a theme map's table twin, by node id. */
function twinRows(root: HTMLElement) {
  return new Map(
    root.querySelectorAll('.theme-map .table-twin tbody tr').map((tr) => {
      const nums = tr.querySelectorAll('td.num').map((td) => text(td.text));
      return [
        tr.getAttribute('data-id')!,
        { label: text(tr.querySelector('th')!.text), excerpts: nums[0], participants: nums[1] },
      ];
    }),
  );
}

describe('the maps in the built HTML', () => {
  const maps = page('maps');
  const together = page('maps/co-occurrence');
  const who = page('maps/participants');
  const mapTwin = twinRows(maps);

  it('gives every theme and code the same counts on the maps page as on its theme page', () => {
    for (const theme of codebook.themes) {
      const onPage = themePageCounts(theme.id);
      expect(mapTwin.get(theme.id)).toEqual({
        label: theme.label,
        excerpts: onPage.excerpts,
        participants: onPage.participants,
      });
      for (const code of theme.subthemes.flatMap((s) => s.codes)) {
        const row = mapTwin.get(code.id)!;
        expect({ participants: row.participants, excerpts: row.excerpts }, code.id).toEqual(
          onPage.codes.get(code.label),
        );
      }
      // The theme page's own branch map carries the same numbers (it has no table twin: the page's codes table is one).
      expect(onPage.html.querySelector('.theme-map .table-twin')).toBeNull();
      const branch = new Map(
        onPage.html.querySelectorAll('.theme-map svg.map-wide .map-node').map((a) => [
          a.getAttribute('data-id')!,
          {
            label: a.getAttribute('data-label')!,
            excerpts: a.getAttribute('data-excerpts')!,
            participants: a.getAttribute('data-participants')!,
          },
        ]),
      );
      expect(branch.size).toBe(1 + theme.subthemes.reduce((n, s) => n + 1 + s.codes.length, 0));
      for (const [id, row] of branch) expect(row, id).toEqual(mapTwin.get(id));
    }
  });

  it('draws the numbers of the table twin in the SVG of every theme map', () => {
    for (const root of [maps, page(''), ...themeIds.map((id) => page(`themes/${id}`))]) {
      // A theme page's branch map has no twin of its own; the maps page's twin has its numbers.
      const own = twinRows(root);
      const twin = own.size ? own : mapTwin;
      const nodes = root.querySelectorAll('.theme-map svg.map-wide .map-node');
      if (own.size) expect(nodes).toHaveLength(twin.size);
      for (const a of nodes) {
        const row = twin.get(a.getAttribute('data-id')!)!;
        expect([
          a.getAttribute('data-excerpts'),
          a.getAttribute('data-participants'),
          text(a.querySelector('.map-count')!.text),
        ]).toEqual([row.excerpts, row.participants, row.excerpts]);
        expect(a.getAttribute('aria-label')).toContain(`${row.label}: ${row.excerpts} excerpt`);
      }
    }
  });

  it('shows the same theme pairs in the co-occurrence view as the theme pages list as related', () => {
    const pairs = together
      .querySelectorAll('#cooccurrence-themes .table-twin tbody tr')
      .map((tr) => [tr.getAttribute('data-a')!, tr.getAttribute('data-b')!, tr.getAttribute('data-excerpts')!]);
    expect(pairs.length).toBeGreaterThan(0);
    const labelOf = new Map(codebook.themes.map((t) => [t.id, t.label]));
    for (const [a, b, n] of pairs) {
      expect(themePageCounts(a).related.get(labelOf.get(b)!), `${a} / ${b}`).toBe(n);
      const cells = together.querySelectorAll(
        `#cooccurrence-themes .co-cell[data-a="${a}"][data-b="${b}"], #cooccurrence-themes .co-cell[data-a="${b}"][data-b="${a}"]`,
      );
      expect(cells.map((c) => c.getAttribute('data-excerpts'))).toEqual([n, n]);
    }
  });

  it('adds up each theme column of the participant matrix to the theme page counts', () => {
    const table = who.querySelector('.participant-matrix .table-twin table')!;
    for (const id of themeIds) {
      const cells = table.querySelectorAll(`tbody td[data-theme="${id}"]`).map((td) => Number(text(td.text)));
      const onPage = themePageCounts(id);
      expect(String(cells.reduce((a, b) => a + b, 0)), id).toBe(onPage.excerpts);
      expect(String(cells.filter((n) => n > 0).length), id).toBe(onPage.participants);
      expect(text(table.querySelector(`tfoot td[data-theme="${id}"]`)!.text)).toBe(onPage.excerpts);
      for (const svg of who.querySelectorAll('.participant-matrix svg'))
        expect(text(svg.querySelector(`.pm-total[data-theme="${id}"]`)!.text)).toBe(onPage.excerpts);
    }
  });

  it('groups participants only by attributes the privacy settings show', () => {
    const shown = study.privacy.shownAttributes ?? [];
    const offered = who
      .querySelectorAll('.participant-matrix [data-group-by] option')
      .map((o) => o.getAttribute('value'));
    expect(offered.filter((v) => v !== 'none').sort()).toEqual([...shown].sort());
    const columns = who.querySelectorAll('.participant-matrix thead th').length;
    expect(columns).toBe(1 + shown.length + themeIds.length);
  });

  it('keeps the JavaScript of every map page within 35 KB gzip, counting what loads on first use', () => {
    const pages = [
      'index.html',
      'maps/index.html',
      'maps/co-occurrence/index.html',
      'maps/participants/index.html',
      ...themeIds.map((id) => `themes/${id}/index.html`),
    ];
    for (const p of pages) {
      const w = weighPage(dir, p);
      // Pages with a theme map really carry its d3 interaction, so the measure sees it.
      expect(w.jsWithLazy, p).toBeGreaterThan(
        p.includes('/co-occurrence/') || p.includes('/participants/') ? 0 : 10 * 1024,
      );
      expect(w.jsWithLazy, p).toBeLessThanOrEqual(35 * 1024);
    }
  });
});

/** The treeitem that has focus: its id and level, and what the live region says. */
const focused = (p: Page) =>
  p.evaluate(() => {
    const el = document.activeElement as SVGElement;
    return {
      id: el.dataset.id,
      level: el.getAttribute('aria-level'),
      role: el.getAttribute('role'),
      live: el.closest('figure')?.querySelector('[data-live]')?.textContent ?? '',
    };
  });

describe.skipIf(skipBrowser)('the maps in Chromium', () => {
  let session: Session;
  beforeAll(async () => {
    session = await launchBrowser(siteUrl, { reducedMotion: 'reduce' });
  });
  afterAll(async () => {
    await session?.context.close();
  });

  it('can be driven by keyboard alone: Tab into the tree, arrows through it, Enter opens a theme', async () => {
    const p = await session.context.newPage();
    await p.goto(`${siteUrl}/`);
    // The map's interaction loads when focus first enters it; the focus then rests on the tree.
    for (
      let i = 0;
      i < 80 && !(await p.evaluate(() => Boolean(document.activeElement?.closest('[data-theme-map]'))));
      i++
    )
      await p.keyboard.press('Tab');
    await p.locator('.map-wide [role="tree"]').waitFor({ state: 'attached' });
    await expect.poll(async () => (await focused(p)).role).toBe('treeitem');
    expect(await focused(p)).toMatchObject({ id: themeIds[0], level: '1' });
    expect(await p.locator('.map-wide [role="treeitem"][tabindex="0"]').count()).toBe(1);
    await p.keyboard.press('ArrowRight');
    expect(await focused(p)).toMatchObject({ id: codebook.themes[0].subthemes[0].id, level: '2' });
    await p.keyboard.press('ArrowRight');
    const code = codebook.themes[0].subthemes[0].codes[0];
    expect(await focused(p)).toMatchObject({ id: code.id, level: '3', live: expect.stringContaining(code.label) });
    await p.keyboard.press('ArrowLeft');
    await p.keyboard.press('ArrowLeft');
    expect((await focused(p)).id).toBe(themeIds[0]);
    // Down walks the tree in order: past the first theme's subthemes and codes to the second theme.
    const below = codebook.themes[0].subthemes.reduce((n, s) => n + 1 + s.codes.length, 0);
    for (let i = 0; i <= below; i++) await p.keyboard.press('ArrowDown');
    expect(await focused(p)).toMatchObject({ id: themeIds[1], level: '1' });
    expect(await p.locator('.map-wide [role="treeitem"][tabindex="0"]').getAttribute('data-id')).toBe(themeIds[1]);
    await p.keyboard.press('Enter');
    await p.waitForURL(`${siteUrl}/themes/${themeIds[1]}/`);
    expect(text(await p.locator('h1').innerText())).toBe(codebook.themes[1].label);
  });

  it('opens the right theme page when a theme is clicked, and the code page of excerpts when a code is', async () => {
    const p = await session.context.newPage();
    await p.goto(`${siteUrl}/`);
    const theme = codebook.themes[2];
    await p.locator(`.map-wide .map-node[data-id="${theme.id}"]`).click();
    await p.waitForURL(`${siteUrl}/themes/${theme.id}/`);
    const code = theme.subthemes[0].codes[0];
    await p.locator(`.map-wide .map-node[data-id="${code.id}"]`).click();
    await p.waitForURL(`${siteUrl}/codes/${code.id}/`);
  });

  it('zooms into a theme and resizes by participants, moving the drawn bands', async () => {
    const p = await session.context.newPage();
    await p.goto(`${siteUrl}/maps/`);
    const map = p.locator('#theme-map');
    const height = (id: string) =>
      map.locator(`.map-wide .map-node[data-id="${id}"] rect`).evaluate((r) => Number(r.getAttribute('height')));
    const full = Number(await map.locator('svg.map-wide').getAttribute('data-height'));
    const sub = codebook.themes[1].subthemes[0].id;
    const before = await height(sub);
    await map.locator('[data-zoom]').selectOption(themeIds[1]);
    await p.waitForFunction(
      ([id, h]) =>
        Number(document.querySelector(`#theme-map .map-wide [data-id="${id}"] rect`)!.getAttribute('height')) >
        (h as number) + 1,
      [sub, before],
    );
    expect(await height(themeIds[1])).toBeCloseTo(full, 0);
    expect(await height(themeIds[0])).toBe(0);
    await map.locator('[data-zoom]').selectOption('');
    await map.locator('input[value="participants"]').check();
    const c = codebook.themes[0].subthemes[0].codes[0].id;
    await p.waitForFunction(
      (id) =>
        document.querySelector(`#theme-map .map-wide [data-id="${id}"] .map-count`)!.textContent!.trim() ===
        document.querySelector(`#theme-map .map-wide [data-id="${id}"]`)!.getAttribute('data-participants'),
      c,
    );
  });

  it('draws map labels that neither overlap nor leave their band, in the real font, wide and narrow', async () => {
    for (const width of [1280, 390]) {
      const p = await session.context.newPage();
      await p.setViewportSize({ width, height: 900 });
      await p.goto(`${siteUrl}/`);
      const problems = await p.evaluate(() => {
        const svg = [...document.querySelectorAll<SVGSVGElement>('.theme-map .map-svg')].find(
          (s) => s.getClientRects().length,
        )!;
        const boxes = [
          ...svg.querySelectorAll<SVGTextElement>('.map-label:not(.is-hidden), .map-count:not(.is-hidden)'),
        ].map((t) => {
          const b = t.getBBox();
          const r = t.closest('a')!.querySelector('rect')!;
          return {
            id: `${t.closest('a')!.dataset.id} ${t.classList[0]}`,
            x0: b.x,
            x1: b.x + b.width,
            y0: b.y,
            y1: b.y + b.height,
            rx0: Number(r.getAttribute('x')),
            rx1: Number(r.getAttribute('x')) + Number(r.getAttribute('width')),
          };
        });
        const out = boxes.filter((b) => b.x0 < b.rx0 || b.x1 > b.rx1).map((b) => `${b.id} leaves its band`);
        // Glyph boxes of two consecutive lines overlap by design: a box is the font's ascent + descent
        // tall, more than the line height (by 1.5 px in DejaVu Sans, 4.5 px in Noto Sans at 13 px), so
        // what the boxes may share depends on the font the machine resolves system-ui to. Two texts
        // overlap when they share more than that, that is, when they are less than a line apart.
        const lineHeight = Number(svg.dataset.lineHeight);
        const oneLine = Math.max(
          ...[...svg.querySelectorAll<SVGTextElement>('.map-count:not(.is-hidden)')].map((t) => t.getBBox().height),
        );
        const shared = oneLine - lineHeight + 0.5;
        boxes.forEach((a, i) =>
          boxes.slice(i + 1).forEach((b) => {
            if (a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 - shared && b.y0 < a.y1 - shared)
              out.push(`${a.id} overlaps ${b.id}`);
          }),
        );
        return { out, drawn: boxes.length, variant: svg.classList[1] };
      });
      expect(problems.out, `${width}px (${problems.variant})`).toEqual([]);
      expect(problems.drawn).toBeGreaterThan(10);
    }
  });

  it('shows fewer pairs when the minimum shared count is raised', async () => {
    const p = await session.context.newPage();
    await p.goto(`${siteUrl}/maps/co-occurrence/`);
    const chart = p.locator('#cooccurrence-codes');
    const shownCells = () => chart.locator('.co-cell:not(.is-below)').count();
    const all = await shownCells();
    expect(all).toBe(2 * (await chart.locator('.table-twin tbody tr').count()));
    await chart.locator('[data-threshold]').fill('3');
    const atLeast3 = await chart
      .locator('.table-twin tbody tr')
      .evaluateAll((rows) => rows.filter((r) => Number(r.getAttribute('data-excerpts')) >= 3).length);
    expect(await shownCells()).toBe(2 * atLeast3);
    expect(atLeast3).toBeLessThan(all / 2);
    expect(await chart.locator('[data-shown]').innerText()).toContain(`${atLeast3} of ${all / 2} pairs`);
  });

  it('names pairs under the arrow keys in the co-occurrence matrix, and regroups the participant matrix', async () => {
    const p = await session.context.newPage();
    await p.goto(`${siteUrl}/maps/co-occurrence/`);
    const chart = p.locator('#cooccurrence-themes');
    await chart.locator('svg').focus();
    const first = await chart.locator('[data-live]').innerText();
    expect(first).toMatch(/coded together in \d+ excerpts?/);
    await p.keyboard.press('ArrowDown');
    const second = await chart.locator('[data-live]').innerText();
    expect(second).toMatch(/coded together in \d+ excerpts?/);
    expect(second).not.toBe(first);

    await p.goto(`${siteUrl}/maps/participants/`);
    const matrix = p.locator('.participant-matrix');
    const visibleGroups = () => matrix.locator('.pm-drawing:visible .pm-group').allInnerTexts();
    const shown = study.privacy.shownAttributes ?? [];
    if (shown.length) expect((await visibleGroups()).length).toBeGreaterThan(1);
    await matrix.locator('[data-group-by]').selectOption('none');
    expect(await visibleGroups()).toEqual([]);
    expect(await matrix.locator('.pm-drawing:visible .pm-row').first().getAttribute('data-participant')).toBe('P01');
  });
});

describe.skipIf(skipBrowser)('the maps without JavaScript', () => {
  let session: Session;
  beforeAll(async () => {
    session = await launchBrowser(siteUrl, { javaScriptEnabled: false });
  });
  afterAll(async () => {
    await session?.context.close();
  });

  it('still draws the whole map on the home page and the branch on a theme page, as links', async () => {
    const p = await session.context.newPage();
    await p.goto(`${siteUrl}/`);
    await expect(p.locator('.theme-map svg.map-wide').isVisible()).resolves.toBe(true);
    expect(await p.locator('.theme-map svg.map-wide .map-node').count()).toBe(nodeCount);
    expect(await p.locator('.theme-map svg.map-wide .map-label:not(.is-hidden)').count()).toBeGreaterThan(
      nodeCount / 2,
    );
    expect(await p.locator('.theme-map [data-controls]').isVisible()).toBe(false);
    await p.locator(`.map-wide .map-node[data-id="${themeIds[0]}"]`).click();
    await p.waitForURL(`${siteUrl}/themes/${themeIds[0]}/`);
    expect(await p.locator('.theme-map svg.map-wide .map-node').count()).toBe(
      1 + codebook.themes[0].subthemes.reduce((n, s) => n + 1 + s.codes.length, 0),
    );
  });

  it('draws the co-occurrence and participant matrices on their pages', async () => {
    const p = await session.context.newPage();
    await p.goto(`${siteUrl}/maps/co-occurrence/`);
    expect(await p.locator('#cooccurrence-codes .co-cell').count()).toBeGreaterThan(0);
    await p.goto(`${siteUrl}/maps/participants/`);
    expect(await p.locator('.participant-matrix svg.pm-svg:visible').count()).toBe(1);
    expect(await p.locator('.participant-matrix svg.pm-svg:visible .pm-row').count()).toBe(
      await p.locator('.participant-matrix .table-twin tbody tr').count(),
    );
  });
});
