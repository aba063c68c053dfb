/**
 * One way to turn a redactions.yaml entry into a regular expression, shared by the anonymiser and
 * the privacy scan, so the scan looks for exactly what the anonymiser replaces. Between words any
 * run of white space matches: a name split by a line break, two spaces, a no-break space or a
 * zero-width space is still the name.
 */
import type { Redaction } from './schema.ts';

/** White space between two words of a name: any Unicode space or line break, zero-width spaces, word joiners. */
export const GAP = '[\\s\\u200b\\u2060]+';
/** Not inside a word, in any script (Latin or Urdu). */
export const [BEFORE, AFTER] = ['(?<![\\p{L}\\p{N}\\p{M}])', '(?![\\p{L}\\p{N}\\p{M}])'];

/** A text as a regular expression that matches it literally. */
export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The words of a listed term, in NFC. */
export const termWords = (term: string) =>
  term
    .normalize('NFC')
    .trim()
    .split(/[\s\u200b\u2060]+/u);

/**
 * A listed term as an expression whose words may be separated by any white space; whole words
 * only for the anonymiser, anywhere for the scan (which would rather flag "Asifa" than miss "Asif").
 */
export function termSource(term: string, wholeWords = true): string {
  const words = termWords(term).map(escapeRegExp).join(GAP);
  return wholeWords ? `${BEFORE}${words}${AFTER}` : words;
}

/**
 * A listed pattern with each literal space (outside a character class, not escaped) widened to
 * any white space, as for terms: "Dr\.? Hina( Shah)?" also matches "Dr.\nHina  Shah".
 */
export function patternSource(pattern: string): string {
  let out = '';
  let inClass = false;
  const src = pattern.normalize('NFC');
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (ch === '\\') {
      out += ch + (src[i + 1] ?? '');
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      out += ch;
      continue;
    }
    if (ch === '[') {
      inClass = true;
      out += ch;
      continue;
    }
    if (ch === ' ') {
      while (src[i + 1] === ' ') i++; // "a  b" in a pattern means the same gap
      out += `(?:${GAP})`;
      continue;
    }
    out += ch;
  }
  return out;
}

/** The expression for one entry (flags `giu`). */
export function redactionRegex(r: Redaction, wholeWords = true): RegExp {
  return new RegExp('term' in r ? termSource(r.term, wholeWords) : patternSource(r.pattern), 'giu');
}
