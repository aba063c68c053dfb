/**
 * Clues a redaction list and k cannot judge: they go into the private anonymization report for
 * a person to read before publishing, and never stop the build.
 */

/** Words too common in clinical talk to single anyone out. */
const GENERIC = ['general', 'clinical', 'family', 'internal', 'medicine', 'health'];

const CLUES: { pattern: RegExp; why: string }[] = [
  { pattern: /\bthe only\b/i, why: '"the only ..." can single a person out' },
  { pattern: /\bas a (?:woman|man|mother|father|lady)\b|\b(?:female|lady|woman|male) (?:doctor|surgeon|consultant|colleague|resident|nurse)\b/i, why: 'the speaker may reveal their gender, which the site does not show' },
  { pattern: /\b\d{1,2}\s+years?\b|\b(?:twenty|thirty|forty|fifty)[- ]\w*\s+years?\b/i, why: 'a number of years (age or experience) more exact than the shown band' },
];

/**
 * Reasons a person should read this text before publishing. `hidden` are the speaker's attribute
 * values that the site does not show (e.g. specialty); naming one in the text undoes the hiding.
 */
export function reviewFlags(text: string, hidden: Record<string, string>, shown: Record<string, string>): string[] {
  const flags = CLUES.filter((c) => c.pattern.test(text)).map((c) => c.why);
  const common = new Set([...GENERIC, ...Object.values(shown).flatMap((v) => v.toLowerCase().split(/\s+/))]);
  for (const [column, value] of Object.entries(hidden)) {
    const words = value.split(/[\s()/,]+/).filter((w) => w.length >= 5 && !common.has(w.toLowerCase()));
    const named = words.find((w) => new RegExp(`(?<![\\p{L}])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'iu').test(text));
    if (named) flags.push(`names the speaker's ${column.replace(/_/g, ' ')} ("${named}"), which the site does not show`);
  }
  return flags;
}
