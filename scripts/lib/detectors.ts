/**
 * Built-in detectors for identifiers that a redaction list can miss: e-mail addresses, phone
 * numbers, Pakistani CNIC numbers, URLs, and an honorific followed by a capitalised name.
 * They run after redactions.yaml, on every text that reaches the site.
 */

/** One detector: what it finds, what replaces it, and a cheap test a text must pass to be worth searching. */
export interface Detector { name: string; pattern: RegExp; replacement: string; worthSearching: (text: string) => boolean }

const always = () => true;
const hasDigits = (text: string) => /\d{5}/.test(text);

/** Whether an "@" stands between address characters: looks only around each "@" (fast on long pages). */
function hasAddressSign(text: string): boolean {
  for (let i = text.indexOf('@'); i >= 0; i = text.indexOf('@', i + 1)) {
    if (/[\p{L}\p{N}._%+-]$/u.test(text.slice(Math.max(0, i - 2), i)) && /^[\p{L}\p{N}]/u.test(text.slice(i + 1, i + 3))) return true;
  }
  return false;
}

const HONORIFICS = 'Dr|Doctor|Prof|Professor|Mr|Mrs|Ms|Miss|Madam|Madame|Sister|Sir|Begum|Hakeem|Hakim|Maulana|Mian|Chaudhry|Ch|Sahib|Nurse|Matron';

/** In the order they run: more specific numbers before general ones. */
export const DETECTORS: Detector[] = [
  // Starts only where a run of address characters starts, so a long text without "@" is one pass.
  { name: 'e-mail address', pattern: /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[a-z]{2,}/giu, replacement: '[e-mail address]', worthSearching: hasAddressSign },
  { name: 'URL', pattern: /\b(?:https?:\/\/|www\.)[^\s<>"')\]]*[^\s<>"')\].,;:!?]/giu, replacement: '[link]', worthSearching: always },
  { name: 'CNIC number', pattern: /(?<![\d/.-])\d{5}-?\d{7}-?\d(?![\d-])/gu, replacement: '[CNIC number]', worthSearching: hasDigits },
  { name: 'phone number', pattern: /(?<![\d/.-])(?:\+92[\s-]?|0)(?:3\d{2}[\s-]?\d{7}|\d{2,3}[\s-]?\d{6,8})(?![\d-])/gu, replacement: '[phone number]', worthSearching: (t) => /\d{3}[\s-]?\d{3}/.test(t) },
  { name: 'honorific and name', pattern: new RegExp(`\\b(?:${HONORIFICS})\\.?\\s+\\p{Lu}\\p{Ll}+(?:\\s+\\p{Lu}\\p{Ll}+)*`, 'gu'), replacement: '[a named person]', worthSearching: always },
];

/** Replaces every detector hit; returns the text and what was replaced. */
export function applyDetectors(text: string, detectors = DETECTORS): { text: string; replacements: { found: string; replacement: string; rule: string }[] } {
  const replacements: { found: string; replacement: string; rule: string }[] = [];
  let out = text;
  for (const d of detectors) {
    if (!d.worthSearching(out)) continue;
    out = out.replace(d.pattern, (found) => { replacements.push({ found, replacement: d.replacement, rule: `detector: ${d.name}` }); return d.replacement; });
  }
  return { text: out, replacements };
}
