/**
 * Reads a theme narrative (MDX with GFM) and lists the components it uses, with line numbers,
 * so that validation can check every `<Quote id="..." />` before Astro ever sees the file.
 */
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

/** One JSX element or ESM statement found in a narrative. */
export interface NarrativeNode {
  kind: 'element' | 'esm';
  /** Component name, e.g. `Quote`. */
  name: string;
  line: number;
  /** String-valued attributes, e.g. { id: "E0042" }. */
  attributes: Record<string, string>;
}

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);

/** Parses a narrative; a syntax error comes back as `error` with its line. */
export function readNarrative(source: string): { nodes: NarrativeNode[]; words: number; error?: { line: number; message: string } } {
  let tree;
  try {
    tree = parser.parse(source);
  } catch (e) {
    const err = e as { line?: number; reason?: string; message: string };
    return { nodes: [], words: 0, error: { line: err.line ?? 1, message: err.reason ?? err.message } };
  }
  const nodes: NarrativeNode[] = [];
  let words = 0;
  visit(tree, (node) => {
    const line = node.position?.start.line ?? 1;
    if (node.type === 'mdxjsEsm') nodes.push({ kind: 'esm', name: 'import/export', line, attributes: {} });
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      const attributes: Record<string, string> = {};
      for (const a of node.attributes) if (a.type === 'mdxJsxAttribute' && typeof a.value === 'string') attributes[a.name] = a.value;
      nodes.push({ kind: 'element', name: node.name ?? '', line, attributes });
    }
    if (node.type === 'text') words += node.value.split(/\s+/).filter(Boolean).length;
  });
  return { nodes, words };
}
