/**
 * Reads a REFI-QDA project (.qde) into the intermediate form: the code tree, text sources,
 * their coded selections and the participants. Selections that NVivo repeats once per code
 * (same source, start and end) are merged into one excerpt with all their codes.
 */
import type { Problem } from '../lib/problems.ts';
import type { ImportedProject, RawExcerpt, Skip } from './model.ts';
import {
  type PositionUnit,
  choosePositionUnit,
  cleanText,
  decodeText,
  hasAstral,
  lengthIn,
  slicer,
} from './positions.ts';
import { contentHex } from './ids.ts';
import { allKeys, groupBySets, readCodes } from './refi-codebook.ts';
import { readParticipants, type SourceInfo } from './refi-cases.ts';
import { describe, guidKey, kid, kids, lineOf, parseXml, type XmlElement } from './xml.ts';

/** Percent-decodes a path, leaving it as it is when it is not valid percent-encoding. */
const safeDecode = (path: string) => {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
};

/** Finds the files a project's sources point to. */
export interface SourceFiles {
  /** An internal source (`internal://name`): its bytes, or where it was looked for. */
  internal(name: string): { bytes: Uint8Array } | { lookedIn: string };
  /** An external source (`relative://`, `absolute://`), by path; undefined when missing. */
  external(path: string): Uint8Array | undefined;
}

/** Reads the project. `file` names the .qde in messages. */
export function readRefiProject(
  xml: string,
  file: string,
  files: SourceFiles,
  flag?: PositionUnit,
): { project?: ImportedProject; problems: Problem[] } {
  const { root, problems } = parseXml(xml, file);
  if (!root) return { problems };
  if (root.localName !== 'Project')
    return {
      problems: [
        {
          file,
          line: lineOf(root),
          message: `found root element <${root.localName}>, expected <Project> (a REFI-QDA project)`,
        },
      ],
    };
  const at = (el: XmlElement, message: string) =>
    problems.push({ file, line: lineOf(el), field: describe(el), message });
  const skipped: Skip[] = [];
  const tree = readCodes(kid(kid(root, 'CodeBook'), 'Codes'), file, problems);
  const codeKeys = allKeys(tree);
  const groupNotes: string[] = [];
  const codes = groupBySets(tree, [root, kid(root, 'CodeBook')], skipped, groupNotes);
  const origin = root.getAttribute('origin') || undefined;
  const { unit, reason } = choosePositionUnit(flag, origin);
  const participants = readParticipants(root);

  /** The plain text of a source: inline, or from the file its plainTextPath names. */
  const textOf = (el: XmlElement): string | undefined => {
    const inline = kid(el, 'PlainTextContent');
    if (inline) return inline.textContent ?? '';
    const path = el.getAttribute('plainTextPath');
    if (!path) {
      at(el, 'has neither <PlainTextContent> nor a plainTextPath, expected one of them');
      return undefined;
    }
    const m = /^(internal|relative|absolute):\/\/\/?(.*)$/.exec(path);
    let bytes: Uint8Array | undefined;
    let lookedIn = 'outside the archive';
    if (m?.[1] === 'internal') {
      const found = files.internal(safeDecode(m[2]));
      if ('bytes' in found) bytes = found.bytes;
      else lookedIn = found.lookedIn;
    } else if (m) {
      // relative:// is relative to the project's basePath, or failing that to the input's folder.
      const rel = safeDecode(m[2]);
      const base = root.getAttribute('basePath')?.replace(/\/+$/, '');
      bytes =
        m[1] === 'absolute'
          ? files.external(rel)
          : ((base ? files.external(`${base}/${rel}`) : undefined) ?? files.external(rel));
      lookedIn =
        m[1] === 'absolute' ? 'on this computer' : `next to the input${base ? ` and in basePath "${base}"` : ''}`;
    } else if (!/^[a-z][a-z0-9+.-]*:/i.test(path)) {
      // A bare name (`board_2017.txt`, as qc writes it): the standard's sources folder, as internal:// would be.
      const found = files.internal(safeDecode(path));
      if ('bytes' in found) bytes = found.bytes;
      else lookedIn = found.lookedIn;
    } else {
      at(
        el,
        `found plainTextPath ${JSON.stringify(path)}, expected internal://, relative://, absolute:// or a file name in sources/`,
      );
      return undefined;
    }
    if (!bytes) {
      at(el, `source file ${JSON.stringify(path)} not found (looked ${lookedIn})`);
      return undefined;
    }
    const decoded = decodeText(bytes);
    if ('error' in decoded) {
      at(el, `source file ${JSON.stringify(path)}: ${decoded.error}`);
      return undefined;
    }
    return decoded.text;
  };

  type Group = {
    guids: string[];
    codes: Set<string>;
    source: SourceInfo;
    index: number;
    start: number;
    end: number;
    text: string;
  };
  const groups = new Map<string, Group>();
  const seenGuids = new Set<string>();
  let astral = 0;
  let sourceIndex = 0;
  for (const el of kid(root, 'Sources')?.children ?? []) {
    const name = el.getAttribute('name') || el.getAttribute('guid') || '';
    if (el.localName !== 'TextSource') {
      skipped.push({ what: `${el.localName} "${name}"`, why: 'only text sources are imported' });
      continue;
    }
    const source: SourceInfo = { key: guidKey(el.getAttribute('guid') ?? ''), name, element: el };
    const index = sourceIndex++;
    const text = textOf(el);
    if (text !== undefined && hasAstral(text)) astral++;
    const slice = text === undefined ? undefined : slicer(text, unit);
    if (kids(el, 'Coding').length)
      skipped.push({
        what: `${kids(el, 'Coding').length} coding(s) of the whole source "${name}"`,
        why: 'only coded selections become excerpts',
      });
    for (const sel of kids(el, 'PlainTextSelection')) {
      const guid = guidKey(sel.getAttribute('guid') ?? '');
      if (seenGuids.has(guid)) at(sel, 'this GUID is used by another selection too');
      seenGuids.add(guid);
      const refs = kids(sel, 'Coding').map((c) => kid(c, 'CodeRef')?.getAttribute('targetGUID') ?? '');
      for (const ref of refs)
        if (!codeKeys.has(guidKey(ref)))
          at(sel, `its <Coding> refers to code ${JSON.stringify(ref)}, which is not in the <CodeBook>`);
      const [start, end] = [Number(sel.getAttribute('startPosition')), Number(sel.getAttribute('endPosition'))];
      if (!Number.isInteger(start) || !Number.isInteger(end)) {
        at(sel, 'expected integer startPosition and endPosition');
        continue;
      }
      if (!slice || text === undefined) continue;
      const where = `selection ${sel.getAttribute('guid')} (${start}-${end}) of "${name}"`;
      if (start === end) {
        skipped.push({ what: where, why: 'it is empty (zero length)' });
        continue;
      }
      const cut = slice(start, end);
      if (typeof cut !== 'string') {
        const other: PositionUnit = unit === 'utf16' ? 'codepoints' : 'utf16';
        const otherFits = start >= 0 && start < end && end <= lengthIn(text, other);
        at(
          sel,
          cut.kind === 'outside'
            ? `startPosition ${start} and endPosition ${end} lie outside source "${name}" (its text has ${cut.length} ${unit === 'utf16' ? 'UTF-16 code units' : 'code points'})${otherFits ? `; they would fit in ${other === 'utf16' ? 'UTF-16 code units' : 'code points'}: try --positions ${other}` : ''}`
            : `position ${cut.at} falls between the two halves of a character outside the Basic Multilingual Plane in source "${name}"; positions are probably code points: try --positions codepoints`,
        );
        continue;
      }
      if (!refs.length) {
        skipped.push({ what: where, why: 'it has no codes' });
        continue;
      }
      if (!cleanText(cut)) {
        skipped.push({ what: where, why: 'it holds only white space' });
        continue;
      }
      const id = `${source.key}:${start}:${end}`;
      const group = groups.get(id) ?? {
        guids: [],
        codes: new Set<string>(),
        source,
        index,
        start,
        end,
        text: cleanText(cut),
      };
      group.guids.push(guid);
      for (const ref of refs) group.codes.add(guidKey(ref));
      groups.set(id, group);
    }
  }

  // QualCoder writes a new GUID for every selection on every export: its ids come from the
  // passage (source, text, and which occurrence of that text in the source) instead.
  const guidsMove = /qualcoder/i.test(origin ?? '');
  const seen = new Map<string, number>();
  const idFrom = (g: Group): RawExcerpt['idFrom'] => {
    if (!guidsMove) return { guid: g.guids[0] };
    const key = `${g.source.name}\u0000${g.text}`;
    const nth = (seen.get(key) ?? 0) + 1;
    seen.set(key, nth);
    return { content: contentHex(g.source.name, nth === 1 ? g.text : `${g.text}\u0000${nth}`) };
  };
  const excerpts: RawExcerpt[] = [...groups.values()]
    .sort((a, b) => a.index - b.index || a.start - b.start)
    .map((g) => ({
      idFrom: idFrom(g),
      span: [g.start, g.end],
      participant: participants.assign(g.source, g.guids),
      document: g.source.name,
      order: [g.index, g.start, g.end],
      text: g.text,
      codes: [...g.codes],
    }));
  const merged = [...groups.values()].filter((g) => g.guids.length > 1);
  const notes = [
    `Positions were counted in ${unit === 'utf16' ? 'UTF-16 code units' : 'code points'}: ${reason}. ${astral ? `${astral} source${astral === 1 ? ' has' : 's have'} characters outside the Basic Multilingual Plane, where the two units differ.` : 'No source has characters where the two units differ.'}`,
    ...(merged.length
      ? [
          `${merged.reduce((n, g) => n + g.guids.length, 0)} selections repeated with the same source, start and end were merged into ${merged.length} excerpt${merged.length === 1 ? '' : 's'}; each excerpt id comes from the first selection's GUID.`,
        ]
      : []),
    ...(guidsMove
      ? [
          `${origin} writes new selection GUIDs on every export: excerpt ids come from each passage's source and text instead, so a re-export keeps them.`,
        ]
      : []),
  ];
  const used = participants.used();
  return {
    problems,
    project: {
      format: `REFI-QDA project${origin ? `, origin "${origin}"` : ''}`,
      name: root.getAttribute('name') ?? '',
      codes,
      participants: used,
      excerpts,
      skipped: [...skipped, ...participants.skipped],
      notes: [...notes, ...groupNotes, ...participants.notes],
    },
  };
}
