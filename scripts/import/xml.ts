/**
 * XML reading for REFI-QDA files. Well-formedness is checked by saxes, a conforming streaming
 * parser that knows the line and column of every error (xmldom, used before, accepted unquoted
 * attributes and named no position for a missing end tag). From its events we build a small
 * element tree: the readers only need names, attributes, text and line numbers.
 *
 * Elements are matched by local name only, because tools disagree on namespace URIs and
 * prefixes (`urn:QDA-XML:project:1.0`, other versions, prefixed `qda:Project`, or none at all).
 */
import { SaxesParser } from 'saxes';
import type { Problem } from '../lib/problems.ts';

/** One element: its local name, attributes (by local name), children and the line it starts on. */
export interface XmlElement {
  localName: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text and that of its descendants, in document order. */
  readonly textContent: string;
  lineNumber: number;
  getAttribute(name: string): string | null;
}

const localOf = (name: string) => name.slice(name.indexOf(':') + 1);

/** Parses XML; every well-formedness error becomes a problem naming the file, line and column. */
export function parseXml(text: string, file: string): { root?: XmlElement; problems: Problem[] } {
  const problems: Problem[] = [];
  const parser = new SaxesParser({ position: true });
  const stack: { el: XmlElement; parts: (string | XmlElement)[] }[] = [];
  let root: XmlElement | undefined;
  let tagLine = 1;
  parser.on('opentagstart', () => {
    tagLine = parser.line;
  });
  let closed: { name: string; line: number } | undefined;
  parser.on('error', (e) => {
    // saxes prefixes "line:column: "; the position is also on the parser itself.
    let message = e.message.replace(/^\d+:\d+: /, '');
    if (message === 'unexpected close tag.' && closed) {
      const found = /<\/([^\s>]*)\s*>?$/.exec(
        text.slice(Math.max(0, text.lastIndexOf('</', parser.position - 1)), parser.position),
      )?.[1];
      message = `found </${found ?? '?'}>, expected </${closed.name}> to close the <${closed.name}> of line ${closed.line}`;
    }
    problems.push({ file, line: parser.line, column: parser.column, message: `malformed XML: ${message}` });
  });
  parser.on('opentag', (tag) => {
    const attributes: Record<string, string> = {};
    for (const [name, value] of Object.entries(tag.attributes))
      attributes[localOf(name)] = typeof value === 'string' ? value : value.value;
    // Each element keeps only its own text, between its children; textContent joins them when
    // asked, so a large project's text is held once, not once per ancestor.
    const parts: (string | XmlElement)[] = [];
    const el: XmlElement = {
      localName: localOf(tag.name),
      attributes,
      children: [],
      lineNumber: tagLine,
      get textContent(): string {
        return parts.map((p) => (typeof p === 'string' ? p : p.textContent)).join('');
      },
      getAttribute: (name) => attributes[name] ?? null,
    };
    if (stack.length) {
      const top = stack[stack.length - 1];
      top.el.children.push(el);
      top.parts.push(el);
    } else root ??= el;
    stack.push({ el, parts });
  });
  const addText = (t: string) => {
    stack[stack.length - 1]?.parts.push(t);
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', (tag) => {
    const top = stack.pop();
    closed = { name: tag.name, line: top?.el.lineNumber ?? 0 };
  });
  try {
    parser.write(text).close();
  } catch (e) {
    problems.push({
      file,
      line: parser.line,
      column: parser.column,
      message: `malformed XML: ${(e as Error).message}`,
    });
  }
  return problems.length ? { problems } : { root, problems };
}

/** Child elements with this local name, in document order. */
export const kids = (el: XmlElement | undefined, localName: string): XmlElement[] =>
  el?.children.filter((c) => c.localName === localName) ?? [];

/** The first child element with this local name. */
export const kid = (el: XmlElement | undefined, localName: string): XmlElement | undefined => kids(el, localName)[0];

/** Line of an element in its file, for messages. */
export const lineOf = (el: XmlElement): number => el.lineNumber;

/** Normalizes a GUID for matching references: no braces, no hyphens, lowercase (32 hex digits). */
export const guidKey = (guid: string): string => guid.replace(/[{}\-\s]/g, '').toLowerCase();

/** `<PlainTextSelection guid="...">`: how messages name an element. */
export function describe(el: XmlElement): string {
  const name = el.getAttribute('name');
  const guid = el.getAttribute('guid');
  return `<${el.localName}${guid ? ` guid="${guid}"` : ''}${name ? ` name="${name}"` : ''}>`;
}
