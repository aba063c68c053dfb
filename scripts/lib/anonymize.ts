/**
 * Applies redactions.yaml to every text that reaches the site, and builds participant descriptors
 * from only the attributes study.yaml allows.
 */
import type { Participant, Redaction, Study } from './schema.ts';

import { applyDetectors } from './detectors.ts';
import { canJoin, joinSources } from './one-pass.ts';
import { redactionRegex } from './redaction-regex.ts';

/** One replacement made, for the anonymization report; `rule` names the redaction entry or detector. */
export interface Replacement {
  found: string;
  replacement: string;
  rule: string;
}

/** A function that redacts a text and reports what it replaced. */
export type Redactor = (text: string) => { text: string; replacements: Replacement[] };

/**
 * Compiles redactions. Where entries overlap, the leftmost and then the longest match wins, so
 * "Sarwarabad District Hospital" is replaced whole even when "Sarwarabad" is listed too, and a
 * replacement never leaves half a name behind. Words of an entry match across any white space
 * (see redaction-regex.ts), and the text is compared in NFC.
 */
export function createRedactor(redactions: Redaction[]): Redactor {
  const regexes = redactions.map((r) => redactionRegex(r));
  // Most texts name no one: one pass with every entry at once tells whether each must be tried.
  // (Patterns with backreferences or named groups cannot share an expression: they always run.)
  const joinable = regexes.map((r) => r.source).filter(canJoin);
  const any = joinSources(joinable, 'iu');
  const alone = joinable.length < regexes.length;
  return (input) => {
    const text = input.normalize('NFC');
    if (!alone && !any?.test(text)) return { text, replacements: [] };
    const matches: { start: number; end: number; entry: number }[] = [];
    regexes.forEach((regex, entry) => {
      for (const m of text.matchAll(regex))
        if (m[0]) matches.push({ start: m.index, end: m.index + m[0].length, entry });
    });
    matches.sort((a, b) => a.start - b.start || b.end - a.end || a.entry - b.entry);
    const replacements: Replacement[] = [];
    let out = '';
    let at = 0;
    for (const m of matches) {
      if (m.start < at) continue;
      const replacement = redactions[m.entry].replacement;
      replacements.push({
        found: text.slice(m.start, m.end),
        replacement,
        rule: `redactions.yaml entry ${m.entry + 1}`,
      });
      out += text.slice(at, m.start) + replacement;
      at = m.end;
    }
    return { text: out + text.slice(at), replacements };
  };
}

/** Redactions first (their replacements are the team's words), then the built-in detectors. */
export function createAnonymizer(redactions: Redaction[]): Redactor {
  const redact = createRedactor(redactions);
  return (text) => {
    const first = redact(text);
    const second = applyDetectors(first.text);
    return { text: second.text, replacements: [...first.replacements, ...second.replacements] };
  };
}

/** The coarse experience band for a number of years, from cut-points like [10]. */
export function experienceBand(years: number, cuts: number[]): string {
  const sorted = [...cuts].sort((a, b) => a - b);
  const upper = sorted.findIndex((c) => years < c);
  if (upper === 0) return `Under ${sorted[0]} years`;
  if (upper === -1) return `${sorted.at(-1)} years or more`;
  return `${sorted[upper - 1]}–${sorted[upper] - 1} years`;
}

/** The attributes of a participant that may be shown with the pseudonym, in study.yaml's order. */
export function shownAttributes(p: Participant, privacy: Study['privacy']): Record<string, string> {
  const all: Record<string, string | undefined> = { ...p, years_experience: undefined };
  if (p.years_experience !== undefined)
    all.experience_band = experienceBand(p.years_experience, privacy.experienceBands);
  return Object.fromEntries(privacy.shownAttributes.map((a) => [a, all[a]?.trim() || 'Not recorded']));
}

/** "Mental health · Public · 10 years or more" */
export function describe(attributes: Record<string, string>): string {
  return Object.values(attributes).join(' · ') || 'Participant';
}

/** "specialty_group" -> "Specialty group" */
export function attributeLabel(column: string): string {
  const words = column.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
