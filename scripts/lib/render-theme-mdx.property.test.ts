/**
 * Fuzzing the generated theme MDX: whatever a codebook label, definition or lead-in says, the
 * file compiles with MDX and GFM as the site configures them, and each text comes out as one
 * literal string exactly where it belongs (heading, paragraph, table cell, <Quote> prop), with
 * no element the text itself created. Same input, same bytes.
 */
import { compile, run } from '@mdx-js/mdx';
import fc from 'fast-check';
import remarkGfm from 'remark-gfm';
import { describe, expect, it } from 'vitest';
import rehypeTableAlign from '../../src/lib/rehype-table-align.ts';
import type { Derived } from './derive.ts';
import { renderThemeMdx } from './render-theme-mdx.ts';
import type { Quotes, Theme } from './schema.ts';

/** FUZZ_RUNS=2000 for a deeper search; the default keeps the unit project fast. */
const RUNS = { numRuns: Number(process.env.FUZZ_RUNS ?? 30) };
const TIMEOUT = 10_000 + RUNS.numRuns * 200;

/** Pieces that mean something to MDX, JSX, GFM tables, Markdown or JavaScript, and odd Unicode. */
const NASTY = ['{', '}', '{}', '<', '>', '</h3>', '<Quote />', '`', '```', "import x from 'y'", 'export const a = 1', '<script>', '|', '\\', '\\|',
  '"', "'", '${a}', '*', '_', '~', '~~', '#', '[a](b)', '<!--', '-->', '&amp;', '&#124;', '\r\n', '\n', '\r', '\0', '\u2028', '\u2029', '\uFEFF',
  'اگر یہ غلط ہو تو', '\u200F', '👩🏽‍⚕️', '\uD800', '\uDFFF', ' ', '\t', ':', '-', '1.', 'a', 'Z'];
/** Text as the pipeline hands it over: trimmed and non-empty (schema.ts), otherwise anything. */
const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: fc.constantFrom(...NASTY), maxLength: 10 }),
).map((s) => s.trim()).filter((s) => s !== '');

/** One theme, one subtheme with two codes, and one featured quote, all worded by the fuzzer. */
const themeInput = fc.record({
  subLabel: text, subDefinition: text, codeLabels: fc.tuple(text, text), codeDefinitions: fc.tuple(text, text), lead: fc.option(text, { nil: undefined }),
});
type Input = typeof themeInput extends fc.Arbitrary<infer T> ? T : never;

function themeOf(input: Input): { theme: Theme; quotes: Quotes[string]; derived: Derived } {
  const theme: Theme = {
    id: 'speed', label: 'Speed', colour: '#0072B2', definition: 'd', summary: 's', plainSummary: 'p',
    subthemes: [{ id: 'saved-time', label: input.subLabel, definition: input.subDefinition,
      codes: [0, 1].map((i) => ({ id: `code-${i}`, label: input.codeLabels[i], definition: input.codeDefinitions[i] })) }],
  };
  const counts = { speed: { participants: 3, excerpts: 4 }, 'saved-time': { participants: 3, excerpts: 4 }, 'code-0': { participants: 2, excerpts: 3 }, 'code-1': { participants: 1, excerpts: 1 } };
  const derived: Derived = { counts, codePairs: [], themePairs: [], related: { speed: [] }, matrix: [] };
  return { theme, quotes: [{ excerpt: 'E0003', lead: input.lead }], derived };
}

const NARRATIVE = 'Participants described the tools as fast.\n\n<Quote id="E0001" />\n';
const render = (input: Input) => { const t = themeOf(input); return renderThemeMdx(t.theme, NARRATIVE, t.quotes, t.derived, 6); };

/** An element as the tiny JSX runtime below builds it. */
interface Element { type: string; props: { children?: Node | Node[]; [name: string]: unknown } }
type Node = Element | string;
const element = (type: unknown, props: Element['props']): Element => ({ type: String(type), props });
/** A JSX runtime that builds plain objects, so the test needs no React. */
const runtime = { Fragment: 'Fragment', jsx: element, jsxs: element, baseUrl: import.meta.url };

/** Compiles MDX as astro.config.mjs does (GFM, single tildes literal, alignment as classes) and evaluates it into a tree. */
async function evaluateMdx(source: string): Promise<Element> {
  const code = String(await compile(source, { outputFormat: 'function-body', remarkPlugins: [[remarkGfm, { singleTilde: false }]], rehypePlugins: [rehypeTableAlign] }));
  const { default: Content } = await run(code, runtime as Parameters<typeof run>[1]);
  return (Content as (props: object) => Element)({ components: { Quote: 'Quote', RelatedThemes: 'RelatedThemes', CodeLink: 'CodeLink' } });
}

const children = (e: Element): Node[] => (e.props.children === undefined ? [] : ([] as Node[]).concat(e.props.children));
function* elements(node: Node): Generator<Element> {
  if (typeof node === 'string') return;
  yield node;
  for (const child of children(node)) yield* elements(child);
}
/** The tree with every text replaced by "T": elements, their prop names and nesting, which data text must never change. */
const shape = (node: Node): unknown => (typeof node === 'string' ? 'T'
  : { type: node.type, props: Object.keys(node.props).filter((k) => k !== 'children').sort(), children: children(node).map(shape) });

/** A deep copy with every object's keys in reverse order, as another YAML or JSON reader might give them. */
function reorder<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reorder) as T;
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reorder(v)])) as T;
}

const PLAIN: Input = { subLabel: 'Saved time', subDefinition: 'Time that came back.', codeLabels: ['Time saved', 'Less paperwork'], codeDefinitions: ['A task got shorter.', 'Fewer forms.'], lead: 'A clinician said.' };

describe('the generated theme MDX', () => {
  it('compiles for any label, definition and lead-in, and shows each as one literal text where it belongs', async () => {
    await fc.assert(fc.asyncProperty(themeInput, async (input) => {
      const tree = await evaluateMdx(render(input));
      const all = [...elements(tree)];
      const h3 = all.filter((e) => e.type === 'h3');
      expect(h3.map((e) => e.props.children)).toEqual([input.subLabel]);
      const definition = all.find((e) => e.type === 'p' && children(e)[0] === input.subDefinition);
      expect(children(definition!)).toEqual([input.subDefinition, ' Voiced by 3 of 6 participants in 4 excerpts.']);
      // A code's label is the one text inside its link to the code's page.
      const cell = (td: Element) => { const [only] = children(td); return typeof only !== 'string' && only?.type === 'CodeLink' ? { link: only.props.id, text: only.props.children } : td.props.children; };
      const rows = all.filter((e) => e.type === 'tr').map((tr) => children(tr).filter((c): c is Element => typeof c !== 'string').map(cell));
      expect(rows).toEqual([
        ['Code', 'Definition', 'Participants', 'Excerpts'],
        [{ link: 'code-0', text: input.codeLabels[0] }, input.codeDefinitions[0], '2 of 6', '3'],
        [{ link: 'code-1', text: input.codeLabels[1] }, input.codeDefinitions[1], '1 of 6', '1'],
      ]);
      expect(all.filter((e) => e.type === 'Quote').map((e) => e.props)).toEqual([{ id: 'E0001' }, input.lead === undefined ? { id: 'E0003' } : { id: 'E0003', lead: input.lead }]);
    }), RUNS);
  }, TIMEOUT);

  it('has the same elements whatever the text says: data never becomes markup', async () => {
    const plain = shape(await evaluateMdx(render(PLAIN)));
    await fc.assert(fc.asyncProperty(themeInput, async (input) => {
      expect(shape(await evaluateMdx(render({ ...input, lead: PLAIN.lead })))).toEqual(plain);
    }), RUNS);
  }, TIMEOUT);

  it('is deterministic: the same data gives the same bytes, whatever order its keys were read in', () => {
    fc.assert(fc.property(themeInput, (input) => {
      const t = themeOf(input);
      const once = renderThemeMdx(t.theme, NARRATIVE, t.quotes, t.derived, 6);
      expect(renderThemeMdx(reorder(t.theme), NARRATIVE, reorder(t.quotes), reorder(t.derived), 6)).toBe(once);
      expect(renderThemeMdx(t.theme, NARRATIVE, t.quotes, t.derived, 6)).toBe(once);
    }), { numRuns: RUNS.numRuns * 10 });
  });
});
