/** Reads a REFI-QDA code tree: `<Codes>` of a project (.qde) or of a codebook exchange file (.qdc). */
import type { Problem } from '../lib/problems.ts';
import type { CodeNode, ImportedProject, Skip } from './model.ts';
import { tagTree } from './taguette.ts';
import { describe, guidKey, kid, kids, lineOf, parseXml, type XmlElement } from './xml.ts';

/** Reads `<Code>` elements recursively; a missing or repeated GUID is a problem. */
export function readCodes(
  codes: XmlElement | undefined,
  file: string,
  problems: Problem[],
  seen = new Set<string>(),
): CodeNode[] {
  return kids(codes, 'Code').map((el) => {
    const guid = el.getAttribute('guid') ?? '';
    const key = guidKey(guid);
    if (!/^[0-9a-f]{32}$/.test(key))
      problems.push({
        file,
        line: lineOf(el),
        field: describe(el),
        message: `found guid ${JSON.stringify(guid)}, expected a GUID like 3f2504e0-4f89-11d3-9a0c-0305e82c3301`,
      });
    else if (seen.has(key))
      problems.push({ file, line: lineOf(el), field: describe(el), message: 'this GUID is used by another code too' });
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
  const walk = (list: CodeNode[]) => {
    for (const n of list) {
      keys.add(n.key);
      walk(n.children);
    }
  };
  walk(nodes);
  return keys;
}

/**
 * Code groups (`<Set>`, ATLAS.ti's code groups; in a project or a .qdc) become the grouping when
 * the codes have no parent: each group with codes becomes a folder holding them, and takes the
 * colour most of its codes share. With a code tree, or for groups of sources only, the groups
 * are listed as skipped. A code in several groups goes to the first, and the report says so.
 */
export function groupBySets(
  codes: CodeNode[],
  parents: (XmlElement | undefined)[],
  skipped: Skip[],
  notes: string[],
): CodeNode[] {
  const sets = parents.flatMap((p) => kids(kid(p, 'Sets'), 'Set'));
  if (!sets.length) return codes;
  if (codes.some((c) => c.children.length)) {
    for (const set of sets)
      skipped.push({
        what: `set "${set.getAttribute('name') ?? ''}"`,
        why: 'the code tree already gives the grouping (sets group codes only in a flat codebook)',
      });
    return codes;
  }
  const byKey = new Map(codes.map((c) => [c.key, c]));
  const placed = new Map<string, string>();
  const groups: CodeNode[] = [];
  for (const set of sets) {
    const name = set.getAttribute('name') ?? '';
    const members = kids(set, 'MemberCode')
      .map((m) => byKey.get(guidKey(m.getAttribute('targetGUID') ?? '')))
      .filter((c): c is CodeNode => !!c);
    const fresh = members.filter((c) => !placed.has(c.key));
    for (const c of members)
      if (placed.has(c.key))
        notes.push(`Code "${c.name}" is in code groups "${placed.get(c.key)}" and "${name}": it went to the first.`);
    if (!fresh.length) {
      skipped.push({
        what: `code group "${name}"`,
        why: members.length ? 'all its codes are in earlier groups' : 'it holds no codes (only sources or notes)',
      });
      continue;
    }
    for (const c of fresh) placed.set(c.key, name);
    const others = kids(set, 'MemberSource').length + kids(set, 'MemberNote').length;
    if (others)
      skipped.push({
        what: `${others} source${others === 1 ? '' : 's'} or note${others === 1 ? '' : 's'} in code group "${name}"`,
        why: 'only codes of a group are imported',
      });
    const counts = new Map<string, number>();
    for (const c of fresh)
      if (c.colour) counts.set(c.colour.toUpperCase(), (counts.get(c.colour.toUpperCase()) ?? 0) + 1);
    const colour = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
    groups.push({
      key: `set:${guidKey(set.getAttribute('guid') ?? name)}`,
      name,
      description: kid(set, 'Description')?.textContent,
      colour,
      codable: false,
      children: fresh,
    });
  }
  notes.push(
    `Code groups became the grouping of the codes (they have no parent codes): ${groups.map((g) => `"${g.name}"`).join(', ')}${groups.some((g) => g.colour) ? '; each group took the colour most of its codes share' : ''}.`,
  );
  return [...groups, ...codes.filter((c) => !placed.has(c.key))];
}

/** Reads a .qdc codebook exchange file into a project that has codes only. */
export function readQdc(
  xml: string,
  file: string,
  projectName: string,
): { project?: ImportedProject; problems: Problem[] } {
  const { root, problems } = parseXml(xml, file);
  if (!root) return { problems };
  if (root.localName !== 'CodeBook')
    return {
      problems: [
        {
          file,
          line: lineOf(root),
          message: `found root element <${root.localName}>, expected <CodeBook> (a REFI-QDA codebook, .qdc)`,
        },
      ],
    };
  const skipped: Skip[] = [];
  const notes = ['A codebook file has no sources: the study folder has no participants and no excerpts.'];
  const origin = root.getAttribute('origin');
  let codes = groupBySets(readCodes(kid(root, 'Codes'), file, problems), [root], skipped, notes);
  // Taguette's .qdc is flat, its names tag paths (`barriers.cost`): the paths give the tree.
  if (/taguette/i.test(origin ?? '') && codes.every((c) => !c.children.length)) {
    const tree = tagTree();
    for (const c of codes) tree.add(c.name, c.description);
    codes = tree.roots;
    notes.push('Taguette tag paths (a.b, a\\b) gave the code tree.');
  }
  return {
    problems,
    project: {
      format: `REFI-QDA codebook${origin ? `, origin "${origin}"` : ''}`,
      name: projectName,
      codes,
      participants: [],
      excerpts: [],
      skipped,
      notes,
    },
  };
}
