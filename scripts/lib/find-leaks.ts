/**
 * Finds what must never be published in the texts of a built site: any redaction term or pattern,
 * and any detector hit (e-mail, phone, CNIC, URL, honorific + name) in data text. Pure: the
 * caller reads the files.
 */
import { DETECTORS } from './detectors.ts';
import type { Redaction } from './schema.ts';

/** One thing found where it must not be. */
export interface Leak { file: string; rule: string; found: string }

/** A text of the built site; `data` is true where excerpt-like text lives (detectors apply there). */
export interface SiteText { file: string; text: string; data: boolean }

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Finds redaction terms everywhere and detector hits in data text, except URLs the site itself publishes. */
export function findLeaks(texts: SiteText[], redactions: Redaction[], allowedUrls: string[]): Leak[] {
  // A term is first looked for with includes() on the lowercased text (fast over 20,000 pages);
  // only a text that contains it is searched with the regular expression.
  const rules = redactions.map((r, i) => ({
    rule: `redactions.yaml entry ${i + 1}`,
    regex: new RegExp('term' in r ? escape(r.term) : r.pattern, 'giu'),
    literal: 'term' in r ? r.term.toLowerCase() : undefined,
  }));
  const allowed = (found: string) => allowedUrls.some((u) => u.startsWith(found) || found.startsWith(u));
  const leaks: Leak[] = [];
  for (const { file, text, data } of texts) {
    const lower = rules.some((r) => r.literal !== undefined) ? text.toLowerCase() : '';
    for (const { rule, regex, literal } of rules) {
      if (literal !== undefined && !lower.includes(literal)) continue;
      for (const m of text.matchAll(regex)) if (m[0]) leaks.push({ file, rule, found: m[0] });
    }
    if (!data) continue;
    for (const d of DETECTORS) {
      if (!d.worthSearching(text)) continue;
      for (const m of text.matchAll(d.pattern)) if (!(d.name === 'URL' && allowed(m[0]))) leaks.push({ file, rule: `detector: ${d.name}`, found: m[0] });
    }
  }
  return leaks;
}

/** The words of every redaction term, lowercased, that should not be findable in the search index. */
export function redactionWords(redactions: Redaction[]): string[] {
  // A pattern's literal words count too: "(Dr\.? )?Asif( Nawaz)?" gives "asif" and "nawaz".
  const source = (r: Redaction) => ('term' in r ? r.term : r.pattern.replace(/\\[pPuxk]\{[^}]*\}|\\./g, ' '));
  const words = redactions.flatMap((r) => source(r).toLowerCase().split(/[^\p{L}\p{N}]+/u));
  return [...new Set(words.filter((w) => w.length >= 3))].sort();
}
