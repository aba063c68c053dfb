/**
 * Fuzzing the HTML of excerpts and theme sections: ExcerptCard, Quote, OriginalText and
 * ThemeSections rendered with Astro's container API for arbitrary excerpt text, lead-ins, Urdu
 * originals, codebook labels and definitions. The HTML must parse, hold exactly the component's
 * own elements, and give back the text unchanged.
 *
 * Astro's full Vite config takes 20 s or more to load a first component here, so a small Vite
 * server compiles `.astro` files with Astro's own compiler (the options Astro uses), and stands in
 * for `astro:content` and src/lib/excerpts.ts with the tiny fixture's site.json and the excerpts under test. It lives in
 * scripts/ because it builds that site.json with the pipeline, and src/ imports nothing from scripts/.
 */
import { transform } from '@astrojs/compiler-rs';
import { experimental_AstroContainer } from 'astro/container';
import fc from 'fast-check';
import { resolve } from 'node:path';
import { type HTMLElement, parse, valid } from 'node-html-parser';
import { createServer, type Plugin, transformWithOxc, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExcerptRecord, type Site, SiteSchema, type SiteTheme } from '../src/contract/index.ts';
import { buildContent } from './build-content.ts';
import { readStudyFolder } from './lib/study-files.ts';

/** FUZZ_RUNS=2000 for a deeper search; the default keeps the unit project fast. */
const RUNS = { numRuns: Number(process.env.FUZZ_RUNS ?? 60) };
const TIMEOUT = 10_000 + RUNS.numRuns * 50;

/** Pieces that mean something to HTML, Astro or JavaScript, and odd Unicode. */
const NASTY = [
  '<',
  '>',
  '</p>',
  '</blockquote>',
  '<script>alert(1)</script>',
  '<b>',
  '<!--',
  '-->',
  '<![CDATA[',
  '&',
  '&amp;',
  '&lt;',
  '&#0;',
  '&#x3C;',
  '"',
  "'",
  '`',
  '{',
  '}',
  '${a}',
  "import x from 'y'",
  '\\',
  '|',
  '\r\n',
  '\n',
  '\r',
  '\0',
  '\u2028',
  '\uFEFF',
  'اگر یہ غلط ہو تو',
  '\u200F',
  '\u202E',
  '👩🏽‍⚕️',
  '\uD800',
  '\uDFFF',
  ' ',
  '\t',
  'a',
  'Z',
];
const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom(...NASTY), maxLength: 12 }),
);
/** A text the pipeline would publish: trimmed and non-empty (schema.ts). */
const published = text.map((s) => s.trim()).filter((s) => s !== '');
/** Languages as validate.ts lets them through from excerpts.csv (original_lang). */
const lang = fc.oneof(
  fc.constantFrom('ur', 'pa', 'ar', 'fa-IR', 'ur-Arab', 'en', 'und'),
  fc.stringMatching(/^[a-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,2}$/),
);

const tiny = buildContent(readStudyFolder('scripts/fixtures/tiny-study')).generated;
const site: Site = SiteSchema.parse(JSON.parse(tiny['site.json']));
/** The excerpts that the stand-in for `astro:content` serves, by id. */
const entries = new Map<string, ExcerptRecord>();
declare global {
  var excerptHtmlEntry: (collection: string, id: string) => { data: ExcerptRecord | Site } | undefined;
}
globalThis.excerptHtmlEntry = (collection, id) => {
  if (collection === 'site') return { data: site };
  return entries.has(id) ? { data: entries.get(id)! } : undefined;
};

const EXCERPTS_MODULE = resolve('src/lib/excerpts.ts');
/** Compiles .astro files as astro's Vite plugin does, and serves the fixture's data. */
const astroComponents: Plugin = {
  name: 'excerpt-html-test',
  enforce: 'pre',
  resolveId: (id) => (id === 'astro:content' ? '\0astro:content' : undefined),
  load(id) {
    if (id === '\0astro:content')
      return 'export const getEntry = async (collection, id) => globalThis.excerptHtmlEntry(collection, id);';
    // Quote reads its excerpt through src/lib/excerpts.ts (excerpts.json), not a collection.
    if (id === EXCERPTS_MODULE)
      return "export const excerptById = (id) => globalThis.excerptHtmlEntry('excerpts', id)?.data;";
  },
  async transform(source, id) {
    if (!id.endsWith('.astro')) return;
    const compiled = transform(source, {
      filename: id,
      internalURL: 'astro/compiler-runtime',
      sourcemap: 'both',
      compact: true,
      resultScopedSlot: true,
      resolvePath: (s: string) => s,
    });
    const error = compiled.diagnostics.find((d) => d.severity === 'error');
    if (error) throw new Error(`${id}: ${error.text}`);
    return { code: (await transformWithOxc(compiled.code, `${id}.ts`, { lang: 'ts' })).code };
  },
};

let server: ViteDevServer;
let renderToString: (component: string, props: Record<string, unknown>) => Promise<string>;

beforeAll(async () => {
  server = await createServer({
    root: process.cwd(),
    configFile: false,
    logLevel: 'silent',
    appType: 'custom',
    plugins: [astroComponents],
    server: { middlewareMode: true, hmr: false, watch: null },
    optimizeDeps: { noDiscovery: true, include: [] },
    // One copy of Astro's runtime, shared by the container and the components.
    ssr: { external: ['astro'] },
  });
  const container = await experimental_AstroContainer.create();
  renderToString = async (name, props) =>
    container.renderToString((await server.ssrLoadModule(`/src/components/${name}.astro`)).default, { props });
}, 30_000);
afterAll(() => server?.close());

/** The element tree without text: tag names, attribute names and nesting. Data must never change it. */
const shape = (el: HTMLElement): unknown => [el.rawTagName, Object.keys(el.attributes).sort(), el.children.map(shape)];

/** Parses component HTML, asserting it is well formed. */
function parseHtml(html: string): HTMLElement {
  expect(valid(html), html).toBe(true);
  return parse(html);
}

const PLAIN: ExcerptRecord = {
  id: 'E0003',
  participant: 'P02',
  descriptor: 'Mental health · 10 years or more',
  attributes: { specialty_group: 'Mental health' },
  codes: ['time-saved'],
  themes: ['speed'],
  text: 'Discharge summaries write themselves now.',
};
const excerptWith = (fields: Partial<ExcerptRecord>): ExcerptRecord => ({ ...PLAIN, ...fields });
/** The text as UTF-8 HTML can carry it: a lone surrogate half becomes U+FFFD (files read from disk never hold one). */
const carried = (s: string) => s.toWellFormed();

describe('ExcerptCard', () => {
  it(
    'shows any excerpt text literally in its blockquote, with no element the text created',
    async () => {
      const plain = shape(parseHtml(await renderToString('ExcerptCard', { excerpt: PLAIN })));
      await fc.assert(
        fc.asyncProperty(text, async (s) => {
          const root = parseHtml(await renderToString('ExcerptCard', { excerpt: excerptWith({ text: s }) }));
          expect(shape(root)).toEqual(plain);
          expect(root.querySelector('blockquote')!.text).toBe(carried(s));
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );
});

describe('Quote', () => {
  it(
    'shows any text, lead-in and Urdu original literally, each in its own element',
    async () => {
      const shapes = new Map<string, unknown>();
      const render = (excerpt: ExcerptRecord, lead?: string) => {
        entries.set(excerpt.id, excerpt);
        return renderToString('Quote', { id: excerpt.id, lead });
      };
      await fc.assert(
        fc.asyncProperty(
          text,
          fc.option(published, { nil: undefined }),
          fc.option(fc.tuple(lang, published), { nil: undefined }),
          async (s, lead, original) => {
            const fields = original ? { originalLang: original[0], originalText: original[1] } : {};
            const key = `${lead !== undefined} ${original !== undefined}`;
            if (!shapes.has(key))
              shapes.set(
                key,
                shape(
                  parseHtml(
                    await render(
                      excerptWith(original ? { originalLang: 'ur', originalText: 'اردو' } : {}),
                      lead && 'A lead.',
                    ),
                  ),
                ),
              );
            const root = parseHtml(await render(excerptWith({ text: s, ...fields }), lead));
            expect(shape(root)).toEqual(shapes.get(key));
            expect(root.querySelector('blockquote')!.text).toBe(carried(s));
            if (lead !== undefined) expect(root.querySelector('.lead')!.text).toBe(carried(lead));
            if (original) {
              const p = root.querySelector('.original')!;
              expect([p.text, p.getAttribute('lang')]).toEqual([carried(original[1]), original[0]]);
            }
          },
        ),
        RUNS,
      );
    },
    TIMEOUT,
  );
});

describe('OriginalText', () => {
  it(
    'marks right-to-left languages with dir="rtl" and names known languages, whatever the text',
    async () => {
      await fc.assert(
        fc.asyncProperty(text, lang, async (s, code) => {
          const root = parseHtml(await renderToString('OriginalText', { text: s, lang: code }));
          const p = root.querySelector('p.original')!;
          expect(p.text).toBe(carried(s));
          const base = code.split('-')[0];
          expect(p.getAttribute('dir')).toBe(['ur', 'ar', 'fa', 'ps', 'sd', 'he'].includes(base) ? 'rtl' : 'ltr');
          // Any language Intl knows is named in English (not only the bundled study's); others show their code.
          const named = ({ ur: 'Urdu', pa: 'Punjabi', ar: 'Arabic', es: 'Spanish' } as Record<string, string>)[code];
          const summary = root.querySelector('summary')!.text;
          if (named) expect(summary).toBe(`Original (${named})`);
          else expect(summary).toMatch(/^Original \(.+\)$/);
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it.each([
    ['ur', 'Urdu'],
    ['pa', 'Punjabi'],
    ['es', 'Spanish'],
    ['sw', 'Swahili'],
    ['x-unknown', 'x-unknown'],
  ])(
    'names %s as %s',
    async (code, name) => {
      const root = parseHtml(await renderToString('OriginalText', { text: 'a', lang: code }));
      expect(root.querySelector('summary')!.text).toBe(`Original (${name})`);
    },
    TIMEOUT,
  );
});

describe('ThemeSections', () => {
  const base = site.themes.find((t) => t.id === 'speed')!;
  /** The fixture's first theme with its first subtheme and codes worded by the fuzzer. */
  const themeWith = (sub: [string, string], codes: [string, string][], lead?: string): SiteTheme => ({
    ...base,
    subthemes: [
      {
        ...base.subthemes[0],
        label: sub[0],
        definition: sub[1],
        codes: base.subthemes[0].codes.map((c, i) => ({ ...c, label: codes[i][0], definition: codes[i][1] })),
      },
    ],
    quotes: [{ excerpt: 'E0001' }, { excerpt: 'E0003', ...(lead === undefined ? {} : { lead }) }],
    narrativeQuotes: ['E0001'],
  });
  const render = (theme: SiteTheme, taken: string[] = []) => {
    for (const id of ['E0001', 'E0003']) entries.set(id, excerptWith({ id }));
    return renderToString('ThemeSections', { theme, taken });
  };
  const pair = fc.tuple(published, published);

  it(
    'shows any label, definition and lead-in literally where it belongs, with no element the text created',
    async () => {
      const plain = shape(
        parseHtml(
          await render(
            themeWith(
              ['Saved time', 'Time back.'],
              [
                ['A', 'a.'],
                ['B', 'b.'],
              ],
              'A lead.',
            ),
          ),
        ),
      );
      await fc.assert(
        fc.asyncProperty(pair, fc.tuple(pair, pair), published, async (sub, codes, lead) => {
          const root = parseHtml(await render(themeWith(sub, codes, lead)));
          expect(shape(root)).toEqual(plain);
          expect(root.querySelector('h3')!.text).toBe(carried(sub[0]));
          expect(root.querySelector('h3 + p')!.text).toBe(
            `${carried(sub[1])} Voiced by ${base.subthemes[0].count.participants} of ${site.totals.participants} participants in ${base.subthemes[0].count.excerpts} excerpts.`,
          );
          const rows = root.querySelectorAll('tbody tr').map((tr) => tr.querySelectorAll('td').map((td) => td.text));
          expect(rows.map((r) => r.slice(0, 2))).toEqual(
            codes.map(([label, definition]) => [carried(label), carried(definition)]),
          );
          expect(root.querySelector('.lead')!.text).toBe(carried(lead));
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    'features only the quotes the narrative does not show, and drops the heading when it shows them all',
    async () => {
      const quoted = (html: string) =>
        parseHtml(html)
          .querySelectorAll('figure.quote')
          .map((f) => f.getAttribute('data-excerpt'));
      expect(
        quoted(
          await render(
            themeWith(
              ['S', 'd.'],
              [
                ['A', 'a.'],
                ['B', 'b.'],
              ],
            ),
          ),
        ),
      ).toEqual(['E0003']);
      const all = await render({
        ...themeWith(
          ['S', 'd.'],
          [
            ['A', 'a.'],
            ['B', 'b.'],
          ],
        ),
        narrativeQuotes: ['E0003', 'E0001'],
      });
      expect(quoted(all)).toEqual([]);
      expect(
        parseHtml(all)
          .querySelectorAll('h2')
          .map((h) => h.text),
      ).toEqual(['Subthemes and codes', 'Related themes']);
    },
    TIMEOUT,
  );

  it(
    'never repeats a section heading id of the narrative; a subtheme keeps its id, which links point at',
    async () => {
      const theme = themeWith(
        ['S', 'd.'],
        [
          ['A', 'a.'],
          ['B', 'b.'],
        ],
      );
      const ids = (html: string) =>
        parseHtml(html)
          .querySelectorAll('h2, h3')
          .map((h) => h.id);
      expect(ids(await render(theme))).toEqual([
        'subthemes-and-codes',
        'saved-time',
        'featured-quotes',
        'related-themes',
      ]);
      expect(ids(await render(theme, ['related-themes', 'saved-time', 'saved-time-1']))).toEqual([
        'subthemes-and-codes',
        'saved-time',
        'featured-quotes',
        'related-themes-1',
      ]);
    },
    TIMEOUT,
  );
});
