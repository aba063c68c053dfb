/**
 * Counts in English: "1 excerpt", "2 excerpts", "1 of 1 participant", "9 of 22 participants".
 * Intl.PluralRules chooses the form, so a site in another language needs only other nouns.
 */

/** A noun's singular and plural, e.g. `{ one: 'excerpt', other: 'excerpts' }`. */
export interface Noun {
  one: string;
  other: string;
}

const rules = new Intl.PluralRules('en');
/** Numbers with a thousands separator: "22,000 excerpts", as a reader writes them. */
const number = new Intl.NumberFormat('en');

/** `n` as a reader writes it: 354, 22,000. */
export function formatCount(n: number): string {
  return number.format(n);
}

/** The nouns every page counts in. */
export const EXCERPT: Noun = { one: 'excerpt', other: 'excerpts' };
export const PARTICIPANT: Noun = { one: 'participant', other: 'participants' };
export const CODE: Noun = { one: 'code', other: 'codes' };
export const THEME: Noun = { one: 'theme', other: 'themes' };
export const INTERVIEW: Noun = { one: 'interview', other: 'interviews' };

/** The form of `noun` that goes with the number `n`. */
export function nounFor(n: number, noun: Noun): string {
  return rules.select(n) === 'one' ? noun.one : noun.other;
}

/** A number to show "voiced by n of total" with: 9 of 22, 3 of 6, 1 of 1; never more than the total. */
export function exampleCount(total: number): number {
  return Math.min(9, Math.max(1, Math.floor(total / 2)), total);
}

/** "1 excerpt", "3 excerpts", "22,000 excerpts". */
export function count(n: number, noun: Noun): string {
  return `${formatCount(n)} ${nounFor(n, noun)}`;
}

/** "9 of 22 participants", "1 of 1 participant": the noun agrees with the total, as in "9 of the 22". */
export function countOf(n: number, total: number, noun: Noun): string {
  return `${formatCount(n)} of ${formatCount(total)} ${nounFor(total, noun)}`;
}
