/**
 * Writes our codebook as a REFI-QDA codebook exchange file (.qdc, Codebook.xsd), so a research
 * team can load it into NVivo, ATLAS.ti, MAXQDA or QualCoder and code with it. Themes,
 * subthemes and codes become nested <Code> elements; themes and subthemes are folders
 * (isCodable="false") because excerpts are coded with codes only. Each GUID is derived from the
 * id (UUID version 5, SHA-1), so the same codebook always gives the same bytes, and an import
 * can map a GUID back to the id it came from.
 */
import { createHash } from 'node:crypto';
import type { Codebook } from '../contract/index.ts';

/** Namespace of our GUIDs (a fixed random UUID): GUIDs of other tools never collide with ours. */
const NAMESPACE = '6f1c7c1e-3b5a-4d0e-9a52-2f8e1d4c7b90';

/** The GUID of a theme, subtheme or code id: a name-based UUID (version 5) in our namespace. */
export function guidForId(id: string): string {
  const ns = Buffer.from(NAMESPACE.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(ns).update(id, 'utf8').digest();
  hash[6] = (hash[6] & 0x0f) | 0x50; // version 5
  hash[8] = (hash[8] & 0x3f) | 0x80; // RFC 4122 variant
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Escapes text for XML content and attributes; drops characters XML 1.0 cannot hold. */
function escape(text: string): string {
  return (
    text
      // The C0 controls XML 1.0 forbids (all but tab, line feed and carriage return) are matched on purpose.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/\r/g, '&#13;')
      .replace(/\n/g, '&#10;')
      .replace(/\t/g, '&#9;')
  );
}

interface Node {
  id: string;
  label: string;
  definition: string;
  colour?: string;
  codable: boolean;
  children: Node[];
}

function write(node: Node, depth: number): string[] {
  const pad = '  '.repeat(depth);
  const colour = node.colour ? ` color="${escape(node.colour)}"` : '';
  // Description keeps its line breaks as character references, so they survive any XML parser.
  return [
    `${pad}<Code guid="${guidForId(node.id)}" name="${escape(node.label)}" isCodable="${node.codable}"${colour}>`,
    `${pad}  <Description>${escape(node.definition)}</Description>`,
    ...node.children.flatMap((c) => write(c, depth + 1)),
    `${pad}</Code>`,
  ];
}

/** The codebook as a .qdc document (UTF-8 text). Pure: same codebook, same bytes. */
export function exportQdc(codebook: Codebook, origin = 'Qualitative study site (export-qdc)'): string {
  const tree: Node[] = codebook.themes.map((t) => ({
    id: t.id,
    label: t.label,
    definition: t.definition,
    colour: t.colour,
    codable: false,
    children: t.subthemes.map((s) => ({
      id: s.id,
      label: s.label,
      definition: s.definition,
      codable: false,
      children: s.codes.map((c) => ({
        id: c.id,
        label: c.label,
        definition: c.definition,
        codable: true,
        children: [],
      })),
    })),
  }));
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="${escape(origin)}">`,
    '  <Codes>',
    ...tree.flatMap((n) => write(n, 2)),
    '  </Codes>',
    '</CodeBook>',
    '',
  ].join('\n');
}
