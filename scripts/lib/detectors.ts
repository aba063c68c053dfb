/**
 * Built-in detectors for identifiers that a redaction list can miss: e-mail addresses, phone
 * numbers, Pakistani CNIC numbers, URLs, and an honorific followed by a name (Latin or Urdu).
 * They run after redactions.yaml, on every text that reaches the site, and the privacy scan runs
 * the same expressions over the built site.
 *
 * Each detector describes a class, not an example: honorifics in any case, with or without a
 * full stop and the space after it; names in any capitalisation (McAllister, FARIHA); digits in
 * any script (Western, Arabic-Indic U+0660-0669, Extended Arabic-Indic U+06F0-06F9, and the other
 * decimal digits of Unicode); phone and CNIC groups separated by spaces, hyphens, dots, dashes or
 * nothing. Every expression has only bounded repetitions after a fixed start, or a lookbehind that
 * stops a match from starting inside a run it has already passed, so a search is linear in the
 * text's length (detectors.test.ts measures it).
 */

/** One detector: what it finds, what replaces it, and a cheap test a text must pass to be worth searching. */
export interface Detector {
  name: string;
  pattern: RegExp;
  replacement: string;
  worthSearching: (text: string) => boolean;
}

const always = () => true;

/** Any decimal digit of any script (ASCII, Arabic-Indic, Extended Arabic-Indic, Devanagari, full-width...). */
const D = '\\p{Nd}';
/** The digit `n` in the scripts Pakistani texts write numbers in, and full-width. */
const digit = (n: number) => `[${n}\\u{66${n}}\\u{6F${n}}\\u{FF1${n}}]`;
/**
 * Between two groups of a number: nothing, spaces, or one separator with spaces around it. Written
 * so that a gap can be read one way only: spaces before a separator belong to the first part,
 * spaces after it to the second. Two optional space runs side by side ("\\s{0,2}-?\\s{0,2}") could
 * split "  " three ways, and nine such gaps in a number that fails at its end would be tried in
 * 3^9 ways at every start.
 */
const GAP = '[\\s\\u00a0]{0,2}(?:[-.\\u2010-\\u2015][\\s\\u00a0]{0,2})?';
/** A run of at least three digits, in any script: what a number worth searching for has. */
const DIGITS = new RegExp(`${D}(?:${GAP}${D}){2}`, 'u');
const hasDigits = (text: string) => DIGITS.test(text);

/** Whether an "@" stands between address characters: looks only around each "@" (fast on long pages). */
function hasAddressSign(text: string): boolean {
  for (let i = text.indexOf('@'); i >= 0; i = text.indexOf('@', i + 1)) {
    if (
      /[\p{L}\p{N}._%+-]$/u.test(text.slice(Math.max(0, i - 2), i)) &&
      /^[\p{L}\p{N}]/u.test(text.slice(i + 1, i + 3))
    )
      return true;
  }
  return false;
}

/** Not after a digit or a character that joins numbers (so a DOI's or a date's digits are not a phone). */
const NOT_AFTER_NUMBER = '(?<![\\p{Nd}/.\\-\\u2010-\\u2015])';
/** Not followed by more of the same number (a digit right after, or after a hyphen or dot). */
const NOT_BEFORE_NUMBER = `(?!${D}|[-.\\u2010-\\u2015]${D})`;

/** An opening bracket around an area code, only when it closes soon ("(051) 4567890"), so "(0300...)" keeps its own. */
const OPEN = '(?:\\((?=[^()]{1,8}\\)))?';
/** +92, 0092 or 92 (the country code), then a gap; or the trunk 0. */
const PAKISTAN = `(?:(?:\\+[\\s\\u00a0]?|${digit(0)}${digit(0)}[\\s\\u00a0]?)?${digit(9)}${digit(2)}${GAP}(?:${OPEN}${digit(0)}\\)?${GAP}|${OPEN})|${OPEN}${digit(0)}${GAP})`;
/** One more digit of a number, after a gap or a closing bracket ("(0300) 765 4324", "0 3 0 0 ..."). */
const NEXT = `(?:[\\s\\u00a0]{0,2}(?:\\)[\\s\\u00a0]{0,2})?(?:[-.\\u2010-\\u2015][\\s\\u00a0]{0,2})?${D})`;
/** A mobile number: 3, then nine more digits, in any grouping; the 0 or +92 before it may be left out ("300-7654324"). */
const MOBILE = `(?:${PAKISTAN})?${OPEN}${digit(3)}${NEXT}{9}`;
/** A landline: an area code (not starting 0 or 3) and the local number, 9-10 digits after the 0, in any grouping. */
const LANDLINE = `${PAKISTAN}${OPEN}(?![${digit(0).slice(1, -1)}${digit(3).slice(1, -1)}])${D}${NEXT}{8,9}`;

/** A CNIC: 5 + 7 + 1 digits, each group separated by a gap or by nothing; the first is a province code, 1-7. */
const PROVINCE = `[1-7\\u0661-\\u0667\\u06F1-\\u06F7\\uFF11-\\uFF17]`;
const CNIC = `${PROVINCE}${D}{4}${GAP}${D}{7}${GAP}${D}`;

/** Abbreviated honorifics: a full stop after one is part of it ("Dr." or "Dr.Rukhsar"), not a sentence's end. */
const ABBREVIATIONS = ['Dr', 'Prof', 'Mr', 'Mrs', 'Ms', 'Mst', 'Ch', 'Engr'];
/** Honorifics written out: a full stop after one ends a sentence ("the doctor. Many"), so a space must follow. */
const TITLES = [
  'Doctor',
  'Professor',
  'Miss',
  'Mister',
  'Madam',
  'Madame',
  'Sister',
  'Sir',
  'Begum',
  'Hakeem',
  'Hakim',
  'Maulana',
  'Mian',
  'Chaudhry',
  'Sahib',
  'Nurse',
  'Matron',
  'Janab',
  'Mohtarma',
  'Syed',
  'Haji',
  'Hafiz',
];
/** "Dr" -> "[Dd][Rr]": an honorific in any case, while the name after it keeps its capital. */
const anyCase = (word: string) => [...word].map((c) => `[${c.toUpperCase()}${c.toLowerCase()}]`).join('');
const SPACE = '[\\s\\u00a0]';
/** A name word: a capital, then letters of any case (McAllister, O'Brien, FARIHA, Al-Karim); two letters at least. */
const NAME = "\\p{Lu}[\\p{L}\\p{M}'\\u2019-]{0,40}[\\p{L}\\p{M}]";
/** Initials before a name: "A. ", "A.B. ", "S " */
const INITIALS = `(?:\\p{Lu}(?:\\.${SPACE}{0,2}|${SPACE}{1,2})){0,3}`;
/** One to four name words, with initials. */
const NAMES = `${INITIALS}${NAME}(?:${SPACE}{1,3}${INITIALS}${NAME}){0,3}`;
/**
 * Common lower-case words after "dr." or "mr." that are no name ("Dr. at night", "the dr. said").
 * Any other lower-case word after an abbreviation with its full stop is taken as a name: people
 * type names in lower case too ("dr. shahbano gilzai").
 */
const NOT_LOWER_NAMES = [
  'the',
  'and',
  'but',
  'for',
  'was',
  'were',
  'is',
  'are',
  'has',
  'had',
  'have',
  'said',
  'says',
  'told',
  'asked',
  'who',
  'which',
  'that',
  'this',
  'will',
  'would',
  'can',
  'could',
  'did',
  'does',
  'not',
  'also',
  'too',
  'then',
  'there',
  'here',
  'when',
  'sahib',
  'sahab',
  'saab',
  'sb',
  'ji',
  'on',
  'at',
  'in',
  'of',
  'to',
  'or',
  'so',
  'if',
  'as',
  'by',
  'with',
  'from',
  'about',
  'after',
  'before',
  'again',
  'always',
  'never',
  'only',
  'just',
  'now',
  'later',
  'today',
  'visit',
  'visits',
  'appointment',
  'appointments',
  'office',
  'clinic',
  'ward',
  'rounds',
];
const LOWER_WORD = "\\p{Ll}[\\p{Ll}\\p{M}'\\u2019-]{1,40}";
const LOWER_NAME = `(?!(?:${NOT_LOWER_NAMES.join('|')})(?![\\p{L}\\p{M}]))${LOWER_WORD}(?![\\p{L}\\p{M}])`;
const HONORIFIC = `(?:(?:${ABBREVIATIONS.map(anyCase).join('|')})(?:\\.${SPACE}{0,3}|${SPACE}{1,3})|(?:${TITLES.map(anyCase).join('|')})${SPACE}{1,3})`;
/** After "Sahib" or "Ji" a name comes first: "Tariq Sahib", "Farah ji"; not "Doctor Sahib". */
const POSTFIX_WORDS = ['Sahib', 'Sahiba', 'Saheb', 'Sahab', 'Saab', 'Sb', 'Ji', 'Jee'];
const POSTFIX = `(?:${POSTFIX_WORDS.map(anyCase).join('|')})(?![\\p{L}\\p{M}])`;
/**
 * An honorific, or several ("Prof. Dr."), then names (dr. Shahbano, DR FARIHA, Dr.Rukhsar, Dr. A. Rahman,
 * Sister Nasreen); lower-case names after a dotted abbreviation (dr. shahbano gilzai); or names
 * before Sahib or Ji (Tariq Sahib), unless the word before is itself a title.
 */
const LATIN_NAMED =
  `(?<![\\p{L}\\p{N}])(?:${HONORIFIC}{1,3}(?!${POSTFIX})(?:${NAMES}|(?<=\\.${SPACE}{0,3})${LOWER_NAME}(?:${SPACE}{1,3}${LOWER_NAME}){0,2})` +
  `|(?!(?:${[...ABBREVIATIONS, ...TITLES].map(anyCase).join('|')})(?![\\p{L}\\p{M}]))${NAMES}${SPACE}{1,3}${POSTFIX})`;

/**
 * Whether a text could hold a number of `source`: the number without the checks around it (no
 * digit before or after). The checks run at every position of a text before its first digit is
 * even looked at; without them a text with no such number is passed over about five times faster
 * (CNIC numbers: 227 ms to 42 ms over 3,000 excerpt pages, which all hold digits).
 */
function unbounded(source: string): (text: string) => boolean {
  const loose = new RegExp(source, 'u');
  return (text) => hasDigits(text) && loose.test(text);
}

/**
 * Whether a text could hold a LATIN_NAMED match, cheaply: an abbreviation before a full stop or a
 * space; a title, spaces and a capital (after the last honorific of a match come initials or a
 * name, both capitalised, unless it is an abbreviation with its full stop); or a postfix word. It
 * is looser than the pattern (any word before, no names checked): the pattern tries names at every
 * capital of a text, and skipping texts with none of these took the detector from 701 ms to
 * 204 ms over 3,000 of the benchmark's excerpt pages, whose words include "doctor". It changes
 * nothing found: detectors.test.ts checks that every match passes it.
 */
const MAYBE_NAMED = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(?:${ABBREVIATIONS.map(anyCase).join('|')})(?:\\.|${SPACE})|(?:${TITLES.map(anyCase).join('|')})${SPACE}{1,3}\\p{Lu})` +
    `|${POSTFIX}`,
  'u',
);

/** Urdu honorifics: doctor, professor, respected (f.), sir/mister, and others people write before a name. */
const URDU_HONORIFICS = [
  'ڈاکٹر',
  'پروفیسر',
  'محترمہ',
  'محترم',
  'جناب',
  'بیگم',
  'حکیم',
  'مولانا',
  'چوہدری',
  'سسٹر',
  'مس',
  'مسز',
  'انجینئر',
];
/**
 * Words that follow an Urdu honorific without being a name: postpositions, conjunctions, common
 * verbs and "sahib" (ڈاکٹر نے کہا "the doctor said", ڈاکٹر صاحب "doctor sahib"). A word not in this
 * list after an honorific is taken as a name: better a word too many replaced than a name published.
 */
const URDU_NOT_NAMES = [
  'نے',
  'کو',
  'کی',
  'کے',
  'کا',
  'سے',
  'میں',
  'پر',
  'تک',
  'بھی',
  'تو',
  'ہی',
  'ہے',
  'ہیں',
  'ہوں',
  'ہو',
  'ہوا',
  'ہوئے',
  'ہوتا',
  'ہوتے',
  'ہوتی',
  'تھا',
  'تھی',
  'تھے',
  'اور',
  'یا',
  'جو',
  'جس',
  'جن',
  'نہیں',
  'نہ',
  'صاحب',
  'صاحبہ',
  'حضرات',
  'لوگ',
  'بن',
  'بنا',
  'بننا',
  'بنے',
  'بنی',
  'دیں',
  'دے',
  'دیا',
  'دی',
  'کر',
  'کرتے',
  'کرتا',
  'کرتی',
  'کہ',
  'کہا',
  'کہتے',
  'کہتی',
  'سب',
  'ایک',
  'یہ',
  'وہ',
  'اس',
  'ان',
  'والا',
  'والی',
  'والے',
  'بھائی',
  'جی',
  'اب',
  'کیا',
  'کیسے',
  'کب',
];
/** An Arabic-script letter run (Urdu, Arabic, Persian letters and marks; not digits). */
const ARABIC_WORD = '(?:(?=[\\p{Script=Arabic}])[\\p{L}\\p{M}]){1,40}';
const URDU_END = '(?![\\p{L}\\p{M}])';
const URDU_NAME = `(?!(?:${URDU_NOT_NAMES.join('|')})${URDU_END})${ARABIC_WORD}${URDU_END}`;
const URDU_NAMED = `(?<![\\p{L}\\p{M}])(?:${URDU_HONORIFICS.join('|')})[\\s\\u00a0\\u200c]{1,3}(?:(?:صاحب|صاحبہ)[\\s\\u00a0]{1,3})?${URDU_NAME}(?:[\\s\\u00a0]{1,3}${URDU_NAME}){0,3}`;

/** In the order they run: more specific numbers before general ones. */
export const DETECTORS: Detector[] = [
  // Starts only where a run of address characters starts, so a long text without "@" is one pass.
  {
    name: 'e-mail address',
    pattern: /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[a-z]{2,}/giu,
    replacement: '[e-mail address]',
    worthSearching: hasAddressSign,
  },
  {
    name: 'URL',
    pattern: /\b(?:https?:\/\/|www\.)[^\s<>"')\]]*[^\s<>"')\].,;:!?]/giu,
    replacement: '[link]',
    worthSearching: always,
  },
  {
    name: 'CNIC number',
    pattern: new RegExp(`${NOT_AFTER_NUMBER}${CNIC}${NOT_BEFORE_NUMBER}`, 'gu'),
    replacement: '[CNIC number]',
    worthSearching: unbounded(CNIC),
  },
  {
    name: 'phone number',
    pattern: new RegExp(`${NOT_AFTER_NUMBER}(?:${MOBILE}|${LANDLINE})${NOT_BEFORE_NUMBER}`, 'gu'),
    replacement: '[phone number]',
    worthSearching: unbounded(`(?:${MOBILE}|${LANDLINE})`),
  },
  {
    name: 'honorific and name',
    pattern: new RegExp(LATIN_NAMED, 'gu'),
    replacement: '[a named person]',
    worthSearching: (t) => MAYBE_NAMED.test(t),
  },
  {
    name: 'Urdu honorific and name',
    pattern: new RegExp(URDU_NAMED, 'gu'),
    replacement: '[a named person]',
    worthSearching: (t) => /[\u0600-\u06ff]/.test(t),
  },
];

/** Replaces every detector hit; returns the text and what was replaced. */
export function applyDetectors(
  text: string,
  detectors = DETECTORS,
): { text: string; replacements: { found: string; replacement: string; rule: string }[] } {
  const replacements: { found: string; replacement: string; rule: string }[] = [];
  let out = text;
  for (const d of detectors) {
    if (!d.worthSearching(out)) continue;
    out = out.replace(d.pattern, (found) => {
      replacements.push({ found, replacement: d.replacement, rule: `detector: ${d.name}` });
      return d.replacement;
    });
  }
  return { text: out, replacements };
}
