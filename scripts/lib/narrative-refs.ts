/**
 * Reads a theme narrative (MDX with GFM) and lists the components it uses, with line numbers,
 * so that validation can check every `<Quote id="..." />` before Astro ever sees the file.
 *
 * A narrative is prose, not code: MDX would run a `{...}` expression at build time (reading files,
 * the environment) and emit any element or link it is given. So besides listing components,
 * reading refuses, each with its line: expressions other than comments (in text or in an
 * attribute), raw HTML other than a few inline elements with plain attributes, links that run
 * script (`javascript:`, `vbscript:`, `data:`), and images from other sites.
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

/** Something a narrative may not contain, with its line. */
export interface Refusal {
  line: number;
  message: string;
}

/** Inline HTML elements a narrative may use, with plain text attributes from NARRATIVE_HTML_ATTRIBUTES only. */
export const NARRATIVE_HTML = ['abbr', 'br', 'cite', 'dfn', 'em', 'i', 'q', 'small', 'strong', 'sub', 'sup'];
/** The attributes those elements may carry. */
export const NARRATIVE_HTML_ATTRIBUTES = ['title', 'lang', 'dir'];
/** Link schemes a narrative may use; a link without a scheme (a path or #fragment) is fine too. */
const LINK_SCHEMES = ['http', 'https', 'mailto'];

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);

/** The scheme of a URL as a browser reads it (it ignores leading spaces and control characters, and tabs and line breaks inside). */
function schemeOf(url: string): string | undefined {
  const cleaned = withoutLeadingControls(url).replace(/[\t\n\r]/g, '');
  return /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1].toLowerCase();
}
const offSite = (url: string) => schemeOf(url) !== undefined || /^[/\\]{2}/.test(withoutLeadingControls(url));
/** The URL without the leading spaces and control characters (U+0000 to U+0020) a browser skips. */
function withoutLeadingControls(url: string): string {
  let i = 0;
  while (i < url.length && url.charCodeAt(i) <= 0x20) i++;
  return url.slice(i);
}
const shown = (s: string) => JSON.stringify(s.length > 60 ? `${s.slice(0, 57)}...` : s);
const isLowerCase = (name: string) => /^[a-z]/.test(name);

/** Parses a narrative; a syntax error comes back as `error` with its line, everything refused as `refused`. */
export function readNarrative(source: string): {
  nodes: NarrativeNode[];
  words: number;
  refused: Refusal[];
  error?: { line: number; message: string };
} {
  let tree;
  try {
    tree = parser.parse(source);
  } catch (e) {
    const err = e as { line?: number; reason?: string; message: string };
    return { nodes: [], words: 0, refused: [], error: { line: err.line ?? 1, message: err.reason ?? err.message } };
  }
  const nodes: NarrativeNode[] = [];
  const refused: Refusal[] = [];
  const definitions = new Map<string, string>();
  visit(tree, 'definition', (node) => {
    definitions.set(node.identifier, node.url);
  });
  let words = 0;
  visit(tree, (node) => {
    const line = node.position?.start.line ?? 1;
    const refuse = (message: string) => refused.push({ line, message });
    if (node.type === 'mdxjsEsm') nodes.push({ kind: 'esm', name: 'import/export', line, attributes: {} });
    if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') {
      // A comment parses to a program with no statements.
      const program = (node.data as { estree?: { body: unknown[] } } | undefined)?.estree;
      if (!program || program.body.length)
        refuse(
          `{${shown(node.value).slice(1, -1)}}: expressions are not allowed in narratives (they run when the site is built), expected text; write a literal { as \\{`,
        );
    }
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      const name = node.name ?? '';
      const attributes: Record<string, string> = {};
      for (const a of node.attributes) {
        if (a.type === 'mdxJsxAttribute' && (typeof a.value === 'string' || a.value === null || a.value === undefined))
          attributes[a.name] = a.value ?? '';
        else
          refuse(
            `<${name}>: attribute ${a.type === 'mdxJsxAttribute' ? `${a.name}={...}` : '{...}'} is an expression, expected a quoted value like id="E0042"`,
          );
      }
      if (!name) refuse('<>: fragments are not allowed in narratives, expected text');
      else if (isLowerCase(name) && !NARRATIVE_HTML.includes(name)) {
        refuse(
          `raw HTML <${name}> is not allowed in narratives, expected Markdown or one of ${NARRATIVE_HTML.map((h) => `<${h}>`).join(', ')}`,
        );
      } else if (isLowerCase(name)) {
        for (const attribute of Object.keys(attributes)) {
          if (!NARRATIVE_HTML_ATTRIBUTES.includes(attribute))
            refuse(
              `<${name} ${attribute}>: attribute not allowed in narratives, expected only ${NARRATIVE_HTML_ATTRIBUTES.join(', ')}`,
            );
        }
      } else nodes.push({ kind: 'element', name, line, attributes });
    }
    if (node.type === 'link' || node.type === 'definition') {
      const scheme = schemeOf(node.url);
      if (scheme !== undefined && !LINK_SCHEMES.includes(scheme))
        refuse(
          `link to ${shown(node.url)}: ${scheme}: links are not allowed in narratives, expected an https:// address or a path on the site`,
        );
    }
    const image =
      node.type === 'image' ? node.url : node.type === 'imageReference' ? definitions.get(node.identifier) : undefined;
    if (image !== undefined && offSite(image))
      refuse(
        `image ${shown(image)} is on another site, expected an image of this site (a path like /images/figure.png)`,
      );
    if (node.type === 'text') words += node.value.split(/\s+/).filter(Boolean).length;
  });
  return { nodes, words, refused };
}
