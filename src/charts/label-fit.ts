/**
 * Estimating text size without a browser, and the one rule that decides whether a label is drawn.
 * Layouts run at build time in Node, where no font can be measured, so widths are estimated per
 * character class for a sans-serif system font, on the generous side: a label that would not fit
 * is hidden rather than drawn over its neighbour. The client reuses `labelFits` after a zoom.
 */

/** Font size, line height and inner padding of a chart's labels, in SVG units. */
export interface TextMetrics {
  fontSize: number;
  lineHeight: number;
  pad: number;
}

const NARROW = /[ijlrtf.,:;'’!|()[\]\s]/;
const WIDE = /[mwMW@%]/;

/**
 * Estimated width of `text` at `fontSize`. It errs wide (Noto Sans, the widest likely system
 * font, measures up to 5% over the bare estimate) so that estimated fits are real fits.
 */
export function estimateWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) {
    if (NARROW.test(ch)) em += 0.3;
    else if (WIDE.test(ch)) em += 0.88;
    else if (ch >= 'A' && ch <= 'Z') em += 0.68;
    else if (ch >= '0' && ch <= '9') em += 0.58;
    else em += 0.55;
  }
  return em * fontSize * 1.15;
}

/** Shortens `text` with an ellipsis until it fits `maxWidth`. */
function truncate(text: string, maxWidth: number, fontSize: number): string {
  let out = text;
  while (out.length > 1 && estimateWidth(`${out}…`, fontSize) > maxWidth) out = out.slice(0, -1).trimEnd();
  return `${out}…`;
}

/**
 * Breaks `text` into at most `maxLines` lines of at most `maxWidth` (greedy, at spaces). A word
 * longer than a line, or text left over after the last line, is cut with an ellipsis.
 */
export function wrapLabel(text: string, maxWidth: number, fontSize: number, maxLines = 3): string[] {
  const lines: string[] = [];
  let line = '';
  const words = text.split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const next = line ? `${line} ${words[i]}` : words[i];
    if (estimateWidth(next, fontSize) <= maxWidth) {
      line = next;
      continue;
    }
    if (line) lines.push(line);
    line = words[i];
    if (lines.length === maxLines - 1) {
      line = words.slice(i).join(' ');
      break;
    }
  }
  if (line) lines.push(line);
  return lines.map((l) => (estimateWidth(l, fontSize) <= maxWidth ? l : truncate(l, maxWidth, fontSize)));
}

/** The drawing rule: a label shows only when the band is tall enough for all its lines and padding. */
export function labelFits(bandHeight: number, lineCount: number, m: TextMetrics): boolean {
  return lineCount > 0 && bandHeight >= lineCount * m.lineHeight + 2 * m.pad;
}

/** Baseline of a label's first line: at the top of a branch's band, centred in a leaf's band. */
export function firstBaseline(y0: number, y1: number, lineCount: number, m: TextMetrics, centre: boolean): number {
  const block = lineCount * m.lineHeight;
  const top = centre ? Math.max(y0 + m.pad, (y0 + y1 - block) / 2) : y0 + m.pad;
  return Math.round((top + m.lineHeight / 2 + m.fontSize * 0.35) * 100) / 100;
}
