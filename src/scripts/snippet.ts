/**
 * A search result's snippet as DOM nodes (never as HTML): Pagefind's highlights kept as <mark>, an
 * ellipsis wherever the snippet cuts the excerpt, and each run of Arabic-script text (an Urdu or
 * Punjabi original) in its own element with its language, right-to-left direction and face.
 */

/** A piece of the snippet, and whether Pagefind marked it as a match. */
export interface Piece {
  text: string;
  mark: boolean;
}

/** Pagefind's excerpt is escaped text with <mark> around matches: split it into pieces of plain text. */
export function parseExcerpt(excerpt: string, decode: (html: string) => string): Piece[] {
  const pieces: Piece[] = [];
  let mark = false;
  for (const part of excerpt.split(/(<\/?mark>)/)) {
    if (part === '<mark>') mark = true;
    else if (part === '</mark>') mark = false;
    else if (part) pieces.push({ text: decode(part), mark });
  }
  return pieces;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Whether the snippet starts after the excerpt's start, and ends before its end. */
export function cuts(snippet: string, content: string): { before: boolean; after: boolean } {
  const s = squash(snippet);
  const c = squash(content);
  if (!s) return { before: false, after: c.length > 0 };
  return {
    before: !c.startsWith(s.slice(0, Math.min(s.length, 40))),
    after: !c.endsWith(s.slice(-Math.min(s.length, 40))),
  };
}

/** A run of Arabic script, with the spaces, digits and punctuation inside it. */
const RUN = /(\p{Script=Arabic}(?:[\p{Script=Arabic}\p{Zs}\p{P}\p{N}]*\p{Script=Arabic}[\p{P}]?)?)/u;
const STARTS_ARABIC = /^\p{Script=Arabic}/u;

/** Splits pieces into runs of Arabic script (`rtl`) and of everything else, keeping marks. */
export function scriptRuns(pieces: Piece[]): { pieces: Piece[]; rtl: boolean }[] {
  const runs: { pieces: Piece[]; rtl: boolean }[] = [];
  for (const { text, mark } of pieces) {
    for (const part of text.split(RUN)) {
      if (!part) continue;
      const rtl = STARTS_ARABIC.test(part);
      const last = runs.at(-1);
      // Spaces between two Arabic runs stay inside the run, so a marked word does not split it.
      const joins = last && (last.rtl === rtl || (last.rtl && /^\s+$/.test(part)));
      if (joins) last.pieces.push({ text: part, mark });
      else runs.push({ pieces: [{ text: part, mark }], rtl });
    }
  }
  return runs;
}

/** The snippet as nodes; `lang` is the original's language (ur, pa). */
export function snippetNodes(doc: Document, excerpt: string, content: string, lang: string): DocumentFragment {
  const decoder = doc.createElement('textarea');
  const pieces = parseExcerpt(excerpt, (html) => {
    decoder.innerHTML = html;
    return decoder.value;
  });
  const fragment = doc.createDocumentFragment();
  const cut = cuts(pieces.map((p) => p.text).join(''), content);
  if (cut.before) fragment.append('\u2026 ');
  let last: ParentNode = fragment;
  for (const run of scriptRuns(pieces)) {
    const target = run.rtl
      ? Object.assign(doc.createElement('span'), {
          className: 'original',
          lang: lang === 'pa' ? 'pa-Arab' : lang,
          dir: 'rtl',
        })
      : fragment;
    for (const p of run.pieces) {
      if (p.mark) {
        const m = doc.createElement('mark');
        m.textContent = p.text;
        target.append(m);
      } else target.append(p.text);
    }
    if (run.rtl) fragment.append(target);
    last = target;
  }
  // A cut inside the original is marked inside it, where a right-to-left reader looks for it.
  if (cut.after) last.append(' \u2026');
  return fragment;
}
