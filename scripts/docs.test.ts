/**
 * The README and docs/ stay true to the repository: every relative link names a file that exists
 * (and a heading there, for #fragments), every repository path written in code (`scripts/build.ts`)
 * exists, and every doc says who it is for before anything else.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import GithubSlugger from 'github-slugger';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const docs = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];
const parser = unified().use(remarkParse).use(remarkGfm);
const trees = new Map(docs.map((doc) => [doc, parser.parse(readFileSync(join(root, doc), 'utf8')) as Root]));

/** The anchors GitHub gives the headings of a Markdown file. */
function anchors(doc: string): Set<string> {
  const slugger = new GithubSlugger();
  const found = new Set<string>();
  visit(trees.get(doc)!, 'heading', (node) => {
    found.add(slugger.slug(toString(node)));
  });
  return found;
}

/** Where each relative link or image of `doc` goes nowhere, as "doc:line url: why". */
function brokenLinks(doc: string): string[] {
  const broken: string[] = [];
  visit(trees.get(doc)!, ['link', 'image', 'definition'], (node) => {
    const { url, position } = node as { url: string; position?: { start: { line: number } } };
    if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return; // https:, mailto: ...
    const [path, fragment] = url.split('#');
    const target = path ? relative(root, join(root, dirname(doc), decodeURIComponent(path))) : doc;
    const where = `${doc}:${position?.start.line} ${url}`;
    if (target.startsWith('..') || !existsSync(join(root, target))) broken.push(`${where}: no file ${target}`);
    else if (fragment && target.endsWith('.md') && !trees.has(target)) broken.push(`${where}: not a checked doc`);
    else if (fragment && target.endsWith('.md') && !anchors(target).has(fragment))
      broken.push(`${where}: no heading #${fragment}`);
  });
  return broken;
}

/**
 * Repository paths written as code (`src/charts/`, `scripts/lib/schema.ts`) that do not exist.
 * Placeholders (`themes/<id>.mdx`), globs (`scripts/**`) and generated or ignored folders are skipped.
 */
function missingPaths(doc: string): string[] {
  const missing: string[] = [];
  visit(trees.get(doc)!, ['inlineCode', 'code'], (node) => {
    const { value, position } = node as { value: string; position?: { start: { line: number } } };
    for (const [path] of value.matchAll(
      /(?<![\w./-])(?:scripts|src|content\/study|public|docs|\.ci)\/[\w./<>*{}-]*/g,
    )) {
      if (/[<>*{}]/.test(path)) continue;
      const clean = path.replace(/[.,:]+$/, '');
      if (!existsSync(join(root, clean))) missing.push(`${doc}:${position?.start.line} ${clean}`);
    }
  });
  return missing;
}

describe('README and docs/', () => {
  it('link only to files and headings that exist', () => {
    expect(docs.flatMap(brokenLinks)).toEqual([]);
  });

  it('name only repository paths that exist', () => {
    expect(docs.flatMap(missingPaths)).toEqual([]);
  });

  it('say who each doc is for, first', () => {
    const lacking = docs
      .filter((doc) => doc !== 'README.md')
      .filter((doc) => {
        const [title, first] = trees.get(doc)!.children;
        return title?.type !== 'heading' || first?.type !== 'paragraph' || !/^For\b/.test(toString(first));
      });
    expect(lacking).toEqual([]);
  });

  it('are linked from the README, each of them', () => {
    const linked = new Set<string>();
    visit(trees.get('README.md')!, 'link', (node) => {
      linked.add(node.url.split('#')[0]);
    });
    expect(docs.filter((doc) => doc !== 'README.md' && !linked.has(doc))).toEqual([]);
  });
});
