/**
 * Finds what must never be published in the texts of a built site: any redaction term or pattern,
 * and any detector hit (e-mail, phone, CNIC, URL, honorific + name) in data text, except inside
 * identifiers the build generates (see study-text.ts). Pure: the caller reads the files.
 */
import { DETECTORS } from './detectors.ts';
import { canJoin, joinSources } from './one-pass.ts';
import { escapeRegExp, redactionRegex, termWords } from './redaction-regex.ts';
import type { Redaction } from './schema.ts';
import { generatedIdentifier } from './study-text.ts';

/** One thing found where it must not be. */
export interface Leak {
  file: string;
  rule: string;
  found: string;
}

/** A text of the built site; `data` is true where excerpt-like text lives (detectors apply there). */
export interface SiteText {
  file: string;
  text: string;
  data: boolean;
}

/**
 * Finds redaction terms everywhere and detector hits in data text, except URLs the site itself
 * publishes and hits inside GUIDs or the `generatedIds` (theme, subtheme, code and excerpt ids).
 */
export function findLeaks(
  texts: Iterable<SiteText>,
  redactions: Redaction[],
  allowedUrls: string[],
  generatedIds: string[] = [],
): Leak[] {
  const find = leakFinder(redactions, allowedUrls, generatedIds);
  const leaks: Leak[] = [];
  for (const t of texts) leaks.push(...find(t));
  return leaks;
}

/**
 * Which of `words` (lowercase) occur anywhere in a lowercased text, in one pass: at every position
 * a lookahead reports the longest word starting there, and a word found stands for every listed
 * word inside it ("asifa" for "asif"), so that a word is never missed for starting where a longer
 * one does. Exact: a word occurs in the text if and only if it is returned.
 */
export function wordsIn(words: string[]): (lower: string) => Set<string> {
  const distinct = [...new Set(words)].filter(Boolean).sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  if (!distinct.length) return () => new Set();
  const inside = new Map(distinct.map((w) => [w, distinct.filter((v) => w.includes(v))]));
  // The longest word at each position, then on from the next position, not from the match's end:
  // what a lookahead, (?=(a|b)), finds, in about half the time (no lookahead entered at every
  // position: 322 ms to 178 ms over 3,000 excerpt pages with 28 words).
  const any = new RegExp(distinct.map(escapeRegExp).join('|'), 'g');
  return (lower) => {
    const found = new Set<string>();
    any.lastIndex = 0;
    for (let m = any.exec(lower); m; m = any.exec(lower)) {
      if (!found.has(m[0])) for (const w of inside.get(m[0])!) found.add(w);
      any.lastIndex = m.index + 1;
    }
    return found;
  };
}

/** A function that finds the leaks in one text, for scanning texts as they are read. */
export function leakFinder(
  redactions: Redaction[],
  allowedUrls: string[],
  generatedIds: string[] = [],
): (text: SiteText) => Leak[] {
  const generated = generatedIdentifier(generatedIds);
  const rules = redactions.map((r, i) => ({
    rule: `redactions.yaml entry ${i + 1}`,
    regex: redactionRegex(r, false),
    // A term cannot be in a text without every one of its words, whatever the spaces between them:
    // its expression runs only where all its words are. Before, the first word alone was looked
    // for: most terms of a study begin with the same honorific ("Dr"), which half the pages of a
    // site contain ("drug", "hundred"), and each of those terms was then tried on the whole page.
    words: 'term' in r ? [...new Set(termWords(r.term).map((w) => w.toLowerCase()))] : undefined,
    // Patterns with backreferences or named groups cannot share one expression with others.
    combinable: 'term' in r || canJoin(r.pattern),
  }));
  // Almost every text contains no redaction at all. One pass over the lowercased text finds which
  // words of every term are in it, and one with every pattern at once tells whether the patterns
  // must run one by one: at 20,000 pages and 60 terms this is seconds instead of minutes.
  const termWordsIn = wordsIn(rules.flatMap((r) => r.words ?? []));
  const anyTerm = rules.some((r) => r.words);
  const anyPattern = joinSources(
    rules.filter((r) => !r.words && r.combinable).map((r) => r.regex.source),
    'iu',
  );
  const allowed = (found: string) => allowedUrls.some((u) => u.startsWith(found) || found.startsWith(u));
  return ({ file, text: raw, data }) => {
    // Compared in NFC, as the anonymiser compares: "Anaïs" stored decomposed is still "Anaïs".
    const text = raw.normalize('NFC');
    const leaks: Leak[] = [];
    const here = anyTerm ? termWordsIn(text.toLowerCase()) : new Set<string>();
    const patternsHere = anyPattern?.test(text) ?? false;
    for (const { rule, regex, words, combinable } of rules) {
      if (words ? !words.every((w) => here.has(w)) : combinable && !patternsHere) continue;
      for (const m of text.matchAll(regex)) if (m[0]) leaks.push({ file, rule, found: m[0] });
    }
    if (!data) return leaks;
    for (const d of DETECTORS) {
      if (!d.worthSearching(text)) continue;
      for (const m of text.matchAll(d.pattern)) {
        if ((d.name === 'URL' && allowed(m[0])) || generated(text, m.index, m.index + m[0].length)) continue;
        leaks.push({ file, rule: `detector: ${d.name}`, found: m[0] });
      }
    }
    return leaks;
  };
}

/** The words of every redaction term, lowercased, that should not be findable in the search index. */
export function redactionWords(redactions: Redaction[]): string[] {
  // A pattern's literal words count too: "(Dr\.? )?Asif( Nawaz)?" gives "asif" and "nawaz".
  const source = (r: Redaction) => ('term' in r ? r.term : r.pattern.replace(/\\[pPuxk]\{[^}]*\}|\\./g, ' '));
  const words = redactions.flatMap((r) =>
    source(r)
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u),
  );
  return [...new Set(words.filter((w) => w.length >= 3))].sort();
}
