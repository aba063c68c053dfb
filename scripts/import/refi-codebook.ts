/** Reads a REFI-QDA code tree: `<Codes>` of a project (.qde) or of a codebook exchange file (.qdc). */
import type { Problem } from '../lib/problems.ts';
import type { CodeNode, ImportedProject } from './model.ts';
import { describe, guidKey, kid, kids, lineOf, parseXml, type XmlElement } from './xml.ts';

/** Reads `<Code>` elements recursively; a missing or repeated GUID is a problem. */
export function readCodes(codes: XmlElement | undefined, file: string, problems: Problem[], seen = new Set<string>()): CodeNode[] {
  return kids(codes, 'Code').map((el) => {
    const guid = el.getAttribute('guid') ?? '';
    const key = guidKey(guid);
    if (!/^[0-9a-f]{32}$/.test(key)) problems.push({ file, line: lineOf(el), field: describe(el), message: `found guid ${JSON.stringify(guid)}, expected a GUID like 3f2504e0-4f89-11d3-9a0c-0305e82c3301` });
    else if (seen.has(key)) problems.push({ file, line: lineOf(el), field: describe(el), message: 'this GUID is used by another code too' });
    seen.add(key);
    return {
      key,
      name: el.getAttribute('name') ?? '',
      description: kid(el, 'Description')?.textContent ?? undefined,
      colour: el.getAttribute('color') ?? undefined,
      // The schema requires isCodable; a tool that leaves it out means an ordinary code.
      codable: !/^(false|0)$/i.test(el.getAttribute('isCodable')?.trim() ?? 'true'),
      children: readCodes(el, file, problems, seen),
    };
  });
}

/** Every key in a code tree. */
export function allKeys(nodes: CodeNode[]): Set<string> {
  const keys = new Set<string>();
  const walk = (list: CodeNode[]) => { for (const n of list) { keys.add(n.key); walk(n.children); } };
  walk(nodes);
  return keys;
}

/** Reads a .qdc codebook exchange file into a project that has codes only. */
export function readQdc(xml: string, file: string, projectName: string): { project?: ImportedProject; problems: Problem[] } {
  const { root, problems } = parseXml(xml, file);
  if (!root) return { problems };
  if (root.localName !== 'CodeBook') return { problems: [{ file, line: lineOf(root), message: `found root element <${root.localName}>, expected <CodeBook> (a REFI-QDA codebook, .qdc)` }] };
  const codes = readCodes(kid(root, 'Codes'), file, problems);
  const origin = root.getAttribute('origin');
  return {
    problems,
    project: {
      format: `REFI-QDA codebook${origin ? `, origin "${origin}"` : ''}`,
      name: projectName, codes, participants: [], excerpts: [], skipped: [],
      notes: ['A codebook file has no sources: the study folder has no participants and no excerpts.'],
    },
  };
}
