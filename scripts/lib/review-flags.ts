/**
 * Clues a redaction list and k cannot judge: words beside a pseudonym that narrow the speaker
 * down further than the attributes the site shows (a trainee among consultants, "twenty years"
 * where the site says "10 years or more", the only emergency physician in a "Medicine" group).
 * They go into the private anonymization report and are printed as warnings, for a person to
 * read before publishing; they never stop the build.
 *
 * They run on every text shown with a pseudonym: excerpt texts, original-language texts and
 * curated lead-ins. A lead-in describes the speaker, so any clue in it counts; in an excerpt,
 * ranks and specialties count when the speaker places themself (`as a resident`, `in emergency`,
 * `we in cardiology`), and durations when they are a career (`years in practice`, `out of house
 * job`, `after ten years`). Checks, in English (durations also in Urdu):
 * - durations, in digits or words ("12 years", "twenty-two years", "ten to nineteen years", "a
 *   decade", "since 2009"), unless they only restate the shown experience band;
 * - ranks and training grades (trainee, resident, registrar, house officer/house job, intern,
 *   medical officer, consultant, professor, head of department, fellow, FCPS...);
 * - specialties (emergency, cardiology, psychiatry, ICU...) finer than the shown attributes: a
 *   specialty whose name is a word of a shown value is not finer;
 * - the same ranks and specialties in Urdu (بطور ریزیڈنٹ "as a resident", ایمرجنسی میں "in emergency");
 * - the speaker's own hidden attribute values (specialty, gender...) named in the text;
 * - "the only ..." and words revealing gender.
 */

/** Words too common in clinical talk to single anyone out. */
const GENERIC = ['general', 'clinical', 'family', 'internal', 'medicine', 'health'];

/** Where the text is shown: a lead-in describes the speaker; an excerpt is the speaker's words. */
export type TextKind = 'lead' | 'excerpt';

const NUMBER_WORDS = [
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
  'twenty',
  'thirty',
  'forty',
  'fifty',
  'sixty',
];
const NUMBER_VALUE: Record<string, number> = Object.fromEntries(
  NUMBER_WORDS.map((w, i) => [w, i < 20 ? i + 1 : (i - 17) * 10]),
);
/** A number in digits or words: "12", "twenty", "twenty-two", "twenty two". */
const NUMBER = `(?:\\d{1,2}|(?:${NUMBER_WORDS.join('|')})(?:[- ](?:${NUMBER_WORDS.slice(0, 9).join('|')}))?|a|an|a few|several|a couple of)`;
/** "12 years", "twenty-two-year", "ten to nineteen years", "more than twenty years", "a decade", "over two decades". */
const DURATION = new RegExp(
  `\\b(?:(?:more than|over|under|less than|fewer than|nearly|almost|about|around|at least|some)\\s+)?${NUMBER}(?:\\s*(?:-|to|or|and)\\s*${NUMBER})?\\s*(?:\\+\\s*)?[- ]?(?:years?|yrs?|decades?)\\b`,
  'gi',
);
/** "since 2009", "qualified in 2011", "joined in 2015": a year that dates a career. */
const CAREER_YEAR =
  /\b(?:since|qualified in|graduated in|graduated|passed out in|joined in|joined|started in|started practi[cs]e in)\s+(?:19|20)\d\d\b/gi;
/** Urdu: "بیس سال", "۱۲ سال", "دس برس". */
const URDU_DURATION =
  /(?:[\p{Nd}]{1,2}|ایک|دو|تین|چار|پانچ|چھ|سات|آٹھ|نو|دس|گیارہ|بارہ|تیرہ|چودہ|پندرہ|سولہ|سترہ|اٹھارہ|انیس|بیس|پچیس|تیس|چالیس)\s+(?:سال|برس)/gu;
/** In an excerpt, a duration is a career when these words are beside it. */
const CAREER_AFTER =
  /^[\s,]*(?:of|in|into|out of|since|as|at|on the job|experience|practi[cs]e|qualified|post|after|I've|I have|now)\b/i;
const CAREER_BEFORE =
  /\b(?:after|my|I(?:'ve| have)(?: been| worked| practi[cs]ed)?(?: here| there)?(?: for)?|worked (?:for )?|practi[cs]ed (?:for )?|in|over|with)\s*$/i;

const RANKS = [
  'trainee',
  'trainees',
  'resident',
  'residents',
  'residency',
  'registrar',
  'senior registrar',
  'house officer',
  'house job',
  'houseman',
  'intern',
  'internship',
  'medical officer',
  'consultant',
  'assistant professor',
  'associate professor',
  'professor',
  'head of (?:the )?department',
  'hod',
  'fellow',
  'fellowship',
  'postgraduate',
  'pg',
  'fcps',
  'mcps',
  'mrcp',
  'frcs',
  'medical student',
  'attending',
  'in-charge',
  'incharge',
  'charge nurse',
  'head nurse',
];
const RANK = new RegExp(`\\b(?:${RANKS.join('|')})\\b`, 'gi');
/** Specialties by the stem of their names (finer than any shown group unless a shown value names them). */
const SPECIALTIES = [
  'emergenc',
  'a&e',
  'casualty',
  'cardiolog',
  'psychiatr',
  'psycholog',
  'radiolog',
  'patholog',
  'histopatholog',
  'p(?:a|ae|e)diatric',
  'paediatr',
  'surg',
  'gyn(?:a|ae)?ecolog',
  'gynae',
  'obstetric',
  'orthop(?:a|ae)?edic',
  'dermatolog',
  'an(?:a|ae)?esthe',
  'intensive care',
  'icu',
  'oncolog',
  'neurolog',
  'nephrolog',
  'gastroenterolog',
  'ophthalmolog',
  'urolog',
  'pulmonolog',
  'endocrinolog',
  'h(?:a|ae)?ematolog',
  'rheumatolog',
  'neonat',
  'microbiolog',
  'dental',
  'dentist',
];
/** Specialties by abbreviation: whole words only ("ENT", not "entries"). */
const SPECIALTY_ABBREVIATIONS = ['ent', 'icu', 'nicu', 'ccu', 'hdu', 'er', 'ot'];
const SPECIALTY = new RegExp(
  `\\b(?:(?:${SPECIALTIES.join('|')})[\\p{L}]*|(?:${SPECIALTY_ABBREVIATIONS.join('|')})\\b)`,
  'giu',
);
/** In an excerpt, a rank or specialty is the speaker's own after these words. */
const SELF =
  /\b(?:as an?|as the|I(?:'m| am| was)(?: an?| the| in| in the| on| on the)?|I work(?:ed)? (?:in|on)(?: the)?|being an?|we(?: in)?|us|our|my|in|on|into|from|at|out of|after|during|since)\s+(?:(?:first|second|third|final|junior|senior|young|new|only|lone|own|the|year|\d+(?:st|nd|rd|th)?-?year)\s+)*$/i;

/**
 * Urdu: ranks and specialties as Urdu texts write them, each with the English word its shown value
 * would use. A rank counts after بطور ("as a") or before ہوں / تھا / تھی ("I am / was"); a
 * specialty before میں ("in") or after ہمارے / ہماری / میرے / میری ("our", "my").
 */
const URDU_RANKS = [
  'ٹرینی',
  'ریزیڈنٹ',
  'رجسٹرار',
  'ہاؤس آفیسر',
  'ہاؤس جاب',
  'میڈیکل آفیسر',
  'کنسلٹنٹ',
  'پروفیسر',
  'انٹرن',
];
const URDU_SPECIALTIES: [string, string][] = [
  ['ایمرجنسی', 'emergency'],
  ['کارڈیالوجی', 'cardiology'],
  ['سائیکاٹری', 'psychiatry'],
  ['ریڈیالوجی', 'radiology'],
  ['پیتھالوجی', 'pathology'],
  ['آئی سی یو', 'icu'],
  ['سرجری', 'surgery'],
  ['گائنی', 'gynaecology'],
  ['آرتھوپیڈک', 'orthopaedics'],
  ['اینستھیزیا', 'anaesthesia'],
  ['بچوں کے وارڈ', 'paediatrics'],
  ['نیورولوجی', 'neurology'],
];
const URDU_END = '(?![\\p{L}\\p{M}])';
const URDU_RANK = new RegExp(
  `(?:بطور\\s+(${URDU_RANKS.join('|')})${URDU_END}|(?<![\\p{L}\\p{M}])(${URDU_RANKS.join('|')})\\s+(?:ہوں|تھا|تھی|ہوں گا|ہوں گی)${URDU_END})`,
  'gu',
);
const URDU_SPECIALTY = new RegExp(
  `(?:(?:ہمارے|ہماری|میرے|میری)\\s+(${URDU_SPECIALTIES.map(([u]) => u).join('|')})${URDU_END}|(?<![\\p{L}\\p{M}])(${URDU_SPECIALTIES.map(([u]) => u).join('|')})\\s+میں${URDU_END})`,
  'gu',
);

const CLUES: { pattern: RegExp; why: string }[] = [
  { pattern: /\bthe only\b/i, why: '"the only ..." can single a person out' },
  {
    pattern:
      /\bas a (?:woman|man|mother|father|lady)\b|\b(?:female|lady|woman|male) (?:doctor|surgeon|consultant|colleague|resident|nurse)\b/i,
    why: 'the speaker may reveal their gender, which the site does not show',
  },
];

const words = (value: string) =>
  value
    .toLowerCase()
    .split(/[^\p{L}\p{N}&]+/u)
    .filter(Boolean);

/** The shown experience band as [low, high] years (high: Infinity), when there is one. */
function bandRange(shown: Record<string, string>): [number, number] | undefined {
  const band = shown.experience_band;
  if (!band) return undefined;
  const under = /^Under (\d+)/i.exec(band);
  if (under) return [0, Number(under[1]) - 1];
  const over = /^(\d+) years or more/i.exec(band);
  if (over) return [Number(over[1]), Infinity];
  const range = /^(\d+)\D+(\d+)/.exec(band);
  return range ? [Number(range[1]), Number(range[2])] : undefined;
}

/** The numbers of a duration phrase: "ten to nineteen years" -> [10, 19], "twenty-two" -> [22], "a decade" -> [1]. */
function numbersIn(phrase: string): number[] {
  const numbers: number[] = [];
  let previous: string | undefined;
  for (const token of phrase.toLowerCase().split(/[\s-]+/)) {
    const value = /^\d+$/.test(token) ? Number(token) : NUMBER_VALUE[token];
    if (value !== undefined && previous !== undefined && NUMBER_VALUE[previous] >= 20 && value < 10)
      numbers[numbers.length - 1] += value;
    else if (value !== undefined) numbers.push(value);
    else if ((token === 'a' || token === 'an') && /decade/.test(phrase)) numbers.push(1);
    previous = token;
  }
  return numbers;
}

/** Whether a duration phrase says no more than the band does ("under ten years" for "Under 10 years"). */
function restatesBand(phrase: string, band: [number, number] | undefined): boolean {
  const numbers = numbersIn(phrase);
  if (!band || numbers.length !== 1) return false;
  const p = phrase.toLowerCase();
  const years = /decade/.test(p) ? numbers[0] * 10 : numbers[0];
  if (/^(?:under|less than|fewer than)\b/.test(p)) return band[0] === 0 && years === band[1] + 1;
  if (/^(?:over|more than|at least)\b/.test(p))
    return band[1] === Infinity && (years === band[0] || (years === band[0] - 1 && !/at least/.test(p)));
  return false;
}

/** The stem a specialty word was found by ("surgical" -> surg), to compare with the shown values. */
const STEMS = SPECIALTIES.map((stem) => new RegExp(`^(?:${stem})`, 'i'));
const sameSpecialty = (a: string, b: string) => STEMS.some((stem) => stem.test(a) && stem.test(b));

/**
 * Reasons a person should read this text before publishing. `hidden` are the speaker's attribute
 * values that the site does not show (e.g. specialty); `shown` those it shows beside the pseudonym.
 */
export function reviewFlags(
  text: string,
  hidden: Record<string, string>,
  shown: Record<string, string>,
  kind: TextKind = 'excerpt',
): string[] {
  const flags = CLUES.filter((c) => c.pattern.test(text)).map((c) => c.why);
  const shownWords = new Set(Object.values(shown).flatMap(words));
  const band = bandRange(shown);
  const bandText = shown.experience_band ? ` (shown: "${shown.experience_band}")` : '';
  const self = (index: number) => kind === 'lead' || SELF.test(text.slice(Math.max(0, index - 40), index));

  const durations = new Set<string>();
  for (const m of text.matchAll(DURATION)) {
    const phrase = m[0].trim();
    if (/^(?:a|an|several|a few|a couple of)\s+years?$/i.test(phrase)) continue; // vague: no number
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 30);
    const career = kind === 'lead' || CAREER_AFTER.test(after) || CAREER_BEFORE.test(before);
    if (career && !restatesBand(phrase, band)) durations.add(phrase);
  }
  for (const m of text.matchAll(CAREER_YEAR)) durations.add(m[0]);
  for (const m of text.matchAll(URDU_DURATION)) durations.add(m[0]);
  for (const d of durations)
    flags.push(`a duration ("${d}") finer than the experience shown with the pseudonym${bandText}`);

  const ranks = new Set<string>();
  for (const m of text.matchAll(RANK)) if (self(m.index) && !shownWords.has(m[0].toLowerCase())) ranks.add(m[0]);
  for (const m of text.matchAll(URDU_RANK)) ranks.add(m[1] ?? m[2]);
  for (const r of ranks) flags.push(`a rank or training grade ("${r}") that the site does not show`);

  const specialties = new Set<string>();
  for (const m of text.matchAll(SPECIALTY)) {
    const word = m[0].toLowerCase();
    if (!self(m.index) || GENERIC.includes(word) || [...shownWords].some((w) => w === word || sameSpecialty(w, word)))
      continue;
    specialties.add(m[0]);
  }
  for (const m of text.matchAll(URDU_SPECIALTY)) {
    const urdu = m[1] ?? m[2];
    const english = URDU_SPECIALTIES.find(([u]) => u === urdu)![1];
    if (![...shownWords].some((w) => w === english || sameSpecialty(w, english))) specialties.add(urdu);
  }
  const flagged = new Set([...ranks, ...specialties].map((w) => w.toLowerCase()));
  for (const s of specialties) flags.push(`a specialty ("${s}") finer than the attributes shown with the pseudonym`);

  const common = new Set([...GENERIC, ...shownWords]);
  for (const [column, value] of Object.entries(hidden)) {
    const hiddenWords = value.split(/[\s()/,]+/).filter((w) => w.length >= 5 && !common.has(w.toLowerCase()));
    const named = hiddenWords.find((w) =>
      new RegExp(`(?<![\\p{L}])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'iu').test(text),
    );
    if (named && ![...flagged].some((f) => f.startsWith(named.toLowerCase())))
      flags.push(`names the speaker's ${column.replace(/_/g, ' ')} ("${named}"), which the site does not show`);
  }
  return flags;
}
