/**
 * Source texts and selection positions. REFI-QDA says positions count Unicode code points from
 * 0; NVivo counts UTF-16 code units instead. The two differ only after a character outside the
 * Basic Multilingual Plane (an emoji, some CJK), so a wrong guess goes unnoticed until such a
 * character appears. A byte-order mark is never counted, and CRLF counts as two in both units.
 * Selections end before `endPosition` (start inclusive, end exclusive, as the tools export them).
 */

/** How a tool counts positions in a text. */
export type PositionUnit = 'utf16' | 'codepoints';

/** A source text decoded from its bytes. */
export interface DecodedText {
  text: string;
  encoding: string;
}

/** Decodes a source file: UTF-8, or UTF-16 when a byte-order mark says so; the mark is dropped. */
export function decodeText(bytes: Uint8Array): DecodedText | { error: string } {
  const [a, b, c] = bytes;
  const [encoding, skip] =
    a === 0xef && b === 0xbb && c === 0xbf
      ? ['utf-8 with byte-order mark', 3]
      : a === 0xff && b === 0xfe
        ? ['utf-16le', 2]
        : a === 0xfe && b === 0xff
          ? ['utf-16be', 2]
          : ['utf-8', 0];
  try {
    const decoder = new TextDecoder(encoding.startsWith('utf-8') ? 'utf-8' : encoding, {
      fatal: true,
      ignoreBOM: true,
    });
    return { text: decoder.decode(bytes.subarray(skip)), encoding };
  } catch {
    return { error: `the file is not valid ${encoding} text` };
  }
}

/** Chooses the unit: the --positions flag, else UTF-16 for projects that NVivo exported. */
export function choosePositionUnit(
  flag: PositionUnit | undefined,
  origin: string | undefined,
): { unit: PositionUnit; reason: string } {
  if (flag) return { unit: flag, reason: 'set by --positions' };
  if (origin && /nvivo/i.test(origin))
    return { unit: 'utf16', reason: `the project's origin is "${origin}", and NVivo counts UTF-16 code units` };
  return {
    unit: 'codepoints',
    reason: `the REFI-QDA standard counts code points${origin ? ` (origin "${origin}")` : ''}; pass --positions utf16 if excerpts look shifted`,
  };
}

/** Length of a text in a unit. */
export function lengthIn(text: string, unit: PositionUnit): number {
  if (unit === 'utf16') return text.length;
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** True when a text has characters outside the Basic Multilingual Plane, where the units differ. */
export const hasAstral = (text: string): boolean => /[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(text);

/** Why a selection cannot be cut from its text. */
export type SliceError = { kind: 'outside'; length: number } | { kind: 'split'; at: number };

/** Builds a slicer for one text; converting code points needs one pass over the text, done once. */
export function slicer(text: string, unit: PositionUnit): (start: number, end: number) => string | SliceError {
  let toUtf16: (pos: number) => number | undefined;
  let length: number;
  if (unit === 'utf16') {
    length = text.length;
    // A position between the two halves of a surrogate pair cannot be right: the unit is wrong.
    toUtf16 = (pos) =>
      pos > 0 && pos < text.length && /[\uDC00-\uDFFF]/.test(text[pos]) && /[\uD800-\uDBFF]/.test(text[pos - 1])
        ? undefined
        : pos;
  } else {
    const offsets: number[] = [];
    let i = 0;
    for (const ch of text) {
      offsets.push(i);
      i += ch.length;
    }
    offsets.push(i);
    length = offsets.length - 1;
    toUtf16 = (pos) => offsets[pos];
  }
  return (start, end) => {
    if (start < 0 || end > length || start > end) return { kind: 'outside', length };
    const [from, to] = [toUtf16(start), toUtf16(end)];
    if (from === undefined) return { kind: 'split', at: start };
    if (to === undefined) return { kind: 'split', at: end };
    return text.slice(from, to);
  };
}

/** An excerpt's text as published: line endings normalized, outer whitespace trimmed. */
export const cleanText = (text: string): string => text.replace(/\r\n?/g, '\n').trim();
