/**
 * XML reading for REFI-QDA files. Elements are matched by local name only, because tools
 * disagree on namespace URIs and prefixes (`urn:QDA-XML:project:1.0`, other versions, prefixed
 * `qda:Project`, or none at all).
 */
import { DOMParser, type Element } from '@xmldom/xmldom';
import type { Problem } from '../lib/problems.ts';

/** Parses XML; a syntax error becomes a problem naming the file and line. */
export function parseXml(text: string, file: string): { root?: Element; problems: Problem[] } {
  const problems: Problem[] = [];
  const onError = (level: string, message: string) => {
    if (level === 'warning') return;
    const line = /line:(\d+)/.exec(message)?.[1];
    problems.push({ file, line: line ? Number(line) : undefined, message: `malformed XML: ${message.split('\n')[0]}` });
  };
  try {
    const doc = new DOMParser({ onError }).parseFromString(text, 'text/xml');
    return { root: doc.documentElement ?? undefined, problems };
  } catch {
    // xmldom throws after reporting a fatal error through onError.
    if (!problems.length) problems.push({ file, message: 'malformed XML' });
    return { problems };
  }
}

/** Child elements with this local name, in document order. */
export function kids(el: Element | undefined, localName: string): Element[] {
  const out: Element[] = [];
  for (let n = el?.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as Element).localName === localName) out.push(n as Element);
  }
  return out;
}

/** The first child element with this local name. */
export const kid = (el: Element | undefined, localName: string): Element | undefined => kids(el, localName)[0];

/** Line of an element in its file, for messages. */
export const lineOf = (el: Element): number | undefined => (el as unknown as { lineNumber?: number }).lineNumber;

/** Normalizes a GUID for matching references: no braces, no hyphens, lowercase (32 hex digits). */
export const guidKey = (guid: string): string => guid.replace(/[{}\-\s]/g, '').toLowerCase();

/** `<PlainTextSelection guid="...">`: how messages name an element. */
export function describe(el: Element): string {
  const name = el.getAttribute('name');
  const guid = el.getAttribute('guid');
  return `<${el.localName}${guid ? ` guid="${guid}"` : ''}${name ? ` name="${name}"` : ''}>`;
}
