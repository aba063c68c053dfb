/**
 * The detectors find classes of identifiers, not examples: every honorific in any case, with or
 * without the full stop and the space after it, before names of any capitalisation; Urdu
 * honorifics before Urdu names; Pakistani phone and CNIC numbers in any grouping and any digit
 * script. The anonymiser replaces what they find and the privacy scan finds what was not replaced.
 */
import { PATHOLOGICAL_INPUTS } from './pathological-inputs.ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAnonymizer } from './anonymize.ts';
import { DETECTORS, applyDetectors } from './detectors.ts';
import { findLeaks } from './find-leaks.ts';
import { buildContent } from '../build-content.ts';
import { readStudyFolder } from './study-files.ts';

const anonymize = createAnonymizer([]);
const scan = (text: string) => findLeaks([{ file: 'e.json', text, data: true }], [], []).map((l) => l.found);

describe('what the issue found published', () => {
  const cases: [string, string][] = [
    ['As dr. Shahbano Gilzai said, it works.', 'As [a named person] said, it works.'],
    ['DR. FARIHA NAQVI checked it.', '[a named person] checked it.'],
    ['Ask Dr.Rukhsar Abbasi first.', 'Ask [a named person] first.'],
    ['Dr. McAllister Jatoi signed.', '[a named person] signed.'],
    ['ڈاکٹر وجیہہ ترخان نے کہا', '[a named person] نے کہا'],
    ['call 0300-765-4324 today', 'call [phone number] today'],
    ['or 0092 300 7654325.', 'or [phone number].'],
    ['نمبر ۰۳۰۰-۷۶۵۴۳۲۶ ہے', 'نمبر [phone number] ہے'],
    ['CNIC 35202 7654327 3 on file', 'CNIC [CNIC number] on file'],
  ];
  it.each(cases)('%s', (text, expected) => {
    expect(anonymize(text).text).toBe(expected);
    expect(scan(text)).toHaveLength(1);
  });

  it('leaves generic uses alone: "the doctor. Many", "ڈاکٹر نے کہا", "ڈاکٹر صاحب", years, DOIs, dates', () => {
    for (const text of [
      'She was a doctor. Many of us were.',
      'I asked the hakeem. Going there took hours.',
      'ڈاکٹر نے کہا کہ ڈاکٹر صاحب، آپ ٹھیک ہیں',
      'ڈاکٹر ہوں یا نرس',
      'In 2023 we saw 1200 patients; doi:10.1177/00912174251387812; on 12-05-2023 at 10.30; sir, it works. Dr. at night.',
      'Ward 3, bed 12, 2019-2021.',
    ]) {
      expect(anonymize(text).text).toBe(text);
      expect(scan(text)).toEqual([]);
    }
  });
});

/** A string in a random mixture of upper and lower case. */
const anyCase = (word: string) =>
  fc
    .array(fc.boolean(), { minLength: word.length, maxLength: word.length })
    .map((upper) => [...word].map((c, i) => (upper[i] ? c.toUpperCase() : c.toLowerCase())).join(''));
const letters = fc
  .array(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), { minLength: 2, maxLength: 9 })
  .map((a) => a.join(''));
/** A name word as people write it: Capitalised, ALL CAPS, or with an inner capital (McAllister, DeSouza, O'Brien). */
const nameWord = fc
  .tuple(letters, letters, fc.constantFrom('plain', 'caps', 'inner', 'apostrophe'))
  .map(([a, b, kind]) => {
    const cap = (w: string) => w[0].toUpperCase() + w.slice(1);
    return kind === 'caps'
      ? (a + b).toUpperCase()
      : kind === 'inner'
        ? `${cap(a)}${cap(b)}`
        : kind === 'apostrophe'
          ? `${cap(a)}'${cap(b)}`
          : cap(a + b);
  });
const spaces = fc.constantFrom(' ', '  ', '\u00a0', '\t');
const context = fc.constantFrom(
  ['', ''],
  ['I met ', ' today.'],
  ['(', ')'],
  ['"', '," she said.'],
  ['Yesterday ', ' and I spoke.'],
);

describe('property: honorific and name', () => {
  const abbreviation = fc.constantFrom('Dr', 'Prof', 'Mr', 'Mrs', 'Ms', 'Engr').chain(anyCase);
  const title = fc
    .constantFrom('Doctor', 'Professor', 'Sister', 'Madam', 'Begum', 'Hakeem', 'Nurse', 'Sir', 'Miss')
    .chain(anyCase);
  // "Dr." + optional spaces, "Dr" + spaces; a title + spaces.
  const honorific = fc.oneof(
    fc.tuple(abbreviation, fc.constantFrom('.', '. ', '.  ', ' ', '.\u00a0')).map(([h, sep]) => h + sep),
    fc.tuple(title, spaces).map(([h, sep]) => h + sep),
  );
  const initials = fc.constantFrom('', 'A. ', 'S.M. ', 'K ');
  const name = fc.tuple(initials, fc.array(nameWord, { minLength: 1, maxLength: 3 })).map(([i, w]) => i + w.join(' '));

  it('replaces the whole name, and the scan finds it in the raw text', () => {
    // One honorific, or two in a row ("Prof. Dr.").
    const honorifics = fc.array(honorific, { minLength: 1, maxLength: 2 }).map((a) => a.join(''));
    fc.assert(
      fc.property(honorifics, name, context, (h, n, [before, after]) => {
        const text = `${before}${h}${n}${after}`;
        const out = anonymize(text).text;
        expect(out).toBe(`${before}[a named person]${after}`);
        expect(scan(text)).toEqual([`${h}${n}`]);
      }),
      { numRuns: 400 },
    );
  });
});

describe('property: the detectors skip only texts they cannot match', () => {
  // Fragments a match is made of, and near misses: honorifics in any case with and without their
  // full stop, titles, postfixes, capitalised and lower-case words, digits, Urdu, odd spaces.
  const fragment = fc.oneof(
    fc.constantFrom('Dr', 'dr', 'DR', 'Prof', 'Mr', 'mrs', 'Ms', 'MST', 'Ch', 'Engr', 'Doctor', 'sister', 'SIR'),
    fc.constantFrom('Miss', 'Begum', 'Hakim', 'Syed', 'Haji', 'Sahib', 'sahiba', 'Sb', 'ji', 'JEE', 'Saab'),
    fc.constantFrom('Asif', 'Nawaz', 'shahbano', "O'Brien", 'Al-Karim', 'A.', 'S.M.', 'K', 'the', 'said'),
    fc.constantFrom('ڈاکٹر', 'وجیہہ', 'صاحبہ', '0300', '7654324', '35202-1234567-1', '۳۰۰'),
    fc.constantFrom(' ', '  ', '.', '. ', '\u00a0', '\n', ',', '-', '(', ')', 'x', 'é', '\u200b'),
  );
  it('finds every match of each detector in a text it says is worth searching', () => {
    fc.assert(
      fc.property(
        fc.array(fragment, { maxLength: 12 }).map((f) => f.join('')),
        (text) => {
          for (const d of DETECTORS) {
            d.pattern.lastIndex = 0;
            if (d.pattern.test(text)) expect(d.worthSearching(text), `${d.name}: ${text}`).toBe(true);
            d.pattern.lastIndex = 0;
          }
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('more of what people write', () => {
  const cases: [string, string][] = [
    ['Prof. Dr. Asif Nawaz said so.', '[a named person] said so.'],
    ['Ask Dr. A. Rahman or Dr A.B. Khan.', 'Ask [a named person] or [a named person].'],
    ['As dr. shahbano gilzai said, it works.', 'As [a named person] said, it works.'],
    ['Tariq Sahib told me, and Farah ji agreed.', '[a named person] told me, and [a named person] agreed.'],
    ['ڈاکٹر صاحبہ وجیہہ نے کہا', '[a named person] نے کہا'],
    ['call 0 3 0 0 7 6 5 4 3 2 4 today', 'call [phone number] today'],
    ['(0300) 7654324, or 0300 1234567 2 times', '[phone number], or [phone number] 2 times'],
    ['landline 042 35761234 or 051-4567890', 'landline [phone number] or [phone number]'],
    ['or 300-7654324, or ۳۰۰ ۷۶۵۴۳۲۴', 'or [phone number], or [phone number]'],
  ];
  it.each(cases)('%s', (text, expected) => {
    expect(anonymize(text).text).toBe(expected);
    expect(scan(text).length).toBeGreaterThan(0);
  });

  it('leaves "Doctor Sahib", "the dr. said" and "Dr. at night" alone', () => {
    for (const text of ['Doctor Sahib told me.', 'the dr. said so; Dr. at night.', 'ڈاکٹر صاحب، آپ ٹھیک ہیں'])
      expect(anonymize(text).text).toBe(text);
  });
});

describe('property: Urdu honorific and Urdu name', () => {
  const honorific = fc.constantFrom('ڈاکٹر', 'پروفیسر', 'محترمہ', 'جناب');
  const urduLetters = [...'ابپتٹثجچحخدڈذرڑزژسشصضطظعغفقکگلمنوہیے'];
  const urduName = fc.array(fc.constantFrom(...urduLetters), { minLength: 3, maxLength: 7 }).map((a) => a.join(''));
  const after = fc.constantFrom('', ' نے کہا', ' کو بتایا', '، جو وہاں تھیں', '۔');

  it('replaces honorific and name, and leaves what follows', () => {
    fc.assert(
      fc.property(honorific, fc.array(urduName, { minLength: 1, maxLength: 3 }), after, (h, words, rest) => {
        const text = `${h} ${words.join(' ')}${rest}`;
        expect(anonymize(text).text).toBe(`[a named person]${rest}`);
        expect(scan(text)).toHaveLength(1);
      }),
      { numRuns: 300 },
    );
  });
});

/** The digits 0-9 in Western, Arabic-Indic and Extended Arabic-Indic script. */
const SCRIPTS = ['0123456789', '٠١٢٣٤٥٦٧٨٩', '۰۱۲۳۴۵۶۷۸۹'];
const digitsIn = (script: string, digits: string) => [...digits].map((d) => script[Number(d)]).join('');
const digitString = (n: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(''));
const separator = fc.constantFrom('', '-', ' ', ' - ', '.', '\u2013', '\u00a0');

describe('property: Pakistani phone numbers in any grouping and digit script', () => {
  // A mobile number: 3xx + 7 digits, after 0, +92, 0092 or 92, split into groups anywhere.
  const mobile = fc
    .tuple(
      fc.constantFrom('', '0', '+92', '+92 ', '0092 ', '0092', '92 ', '+92-', '+92 (0)', '(0'),
      digitString(2),
      digitString(7),
      fc.array(separator, { minLength: 2, maxLength: 2 }),
      fc.integer({ min: 1, max: 6 }),
      fc.constantFrom(...SCRIPTS),
    )
    .map(([prefix, operator, rest, [a, b], cut, script]) => {
      const local = (digits: string) => digitsIn(script, digits);
      return (
        prefix.replace(/\d/g, (d) => script[Number(d)]) +
        local(`3${operator}`) +
        (prefix === '(0' ? ')' : '') +
        a +
        local(rest.slice(0, cut)) +
        b +
        local(rest.slice(cut))
      );
    });

  it('replaces the whole number, and the scan finds it', () => {
    fc.assert(
      fc.property(mobile, context, (number, [before, after]) => {
        const text = `${before}${number}${after}`;
        expect(anonymize(text).text, JSON.stringify(text)).toBe(`${before}[phone number]${after}`);
        expect(scan(text)).toEqual([number]);
      }),
      { numRuns: 500 },
    );
  });

  it('replaces landlines with area codes, in brackets or not', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('051', '042', '021', '0992', '(051)', '(042)', '+92 51', '+92-42', '0092 21'),
        separator,
        digitString(7),
        fc.constantFrom(...SCRIPTS),
        (area, sep, local, script) => {
          const number = area.replace(/\d/g, (d) => script[Number(d)]) + sep + digitsIn(script, local);
          expect(anonymize(`call ${number} now`).text, JSON.stringify(number)).toBe('call [phone number] now');
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('property: CNIC numbers in any grouping and digit script', () => {
  it('replaces 5 + 7 + 1 digits, however separated', () => {
    // The first digit is a province code, 1-7.
    const first = fc.integer({ min: 1, max: 7 }).map(String);
    fc.assert(
      fc.property(
        first,
        digitString(4),
        digitString(7),
        digitString(1),
        separator,
        separator,
        fc.constantFrom(...SCRIPTS),
        context,
        (p, a0, b, c, s1, s2, script, [before, after]) => {
          const a = p + a0;
          const cnic = digitsIn(script, a) + s1 + digitsIn(script, b) + s2 + digitsIn(script, c);
          const text = `${before}CNIC ${cnic}${after}`;
          expect(anonymize(text).text, JSON.stringify(text)).toBe(`${before}CNIC [CNIC number]${after}`);
          // (The scan runs every detector on the raw text: part of a CNIC may also look like a phone.)
          expect(scan(text)).toContain(cnic);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('pathological input', () => {
  /** Inputs that once made (or would make) a backtracking pattern slow; also run by `npm run bench:detectors`. */
  const nasty = PATHOLOGICAL_INPUTS;

  // No timing here (speed is measured by `npm run bench:detectors`, which prints the 8x ratio of
  // each input): 32,000 repetitions are run once and must finish within the test's timeout, which
  // a quadratic search would exceed many times over (the backtracking these inputs once caused
  // took minutes for 100 repetitions).
  it('runs every detector over 32,000 repetitions of each', () => {
    for (const make of nasty) {
      const text = make(32_000);
      for (const d of DETECTORS)
        if (d.worthSearching(text))
          for (const _ of text.matchAll(d.pattern)) {
            /* consume */
          }
    }
  }, 20_000);
});

describe('applyDetectors', () => {
  it('reports every replacement with the detector that made it', () => {
    expect(applyDetectors('Dr.Rukhsar Abbasi, 0300 7654324').replacements.map((r) => r.rule)).toEqual([
      'detector: phone number',
      'detector: honorific and name',
    ]);
  });
});

describe('in the build', () => {
  it('a study with such text builds, and publishes the replacements, never the identifiers', () => {
    const tiny = readStudyFolder('scripts/fixtures/tiny-study');
    const planted = [
      'dr. Shahbano Gilzai',
      'DR. FARIHA NAQVI',
      'Dr.Rukhsar Abbasi',
      'Dr. McAllister Jatoi',
      'ڈاکٹر وجیہہ ترخان',
      '0300-765-4324',
      '0092 300 7654325',
      '۰۳۰۰-۷۶۵۴۳۲۶',
      '35202 7654327 3',
    ];
    const excerpts = tiny
      .excerpts!.replace(
        'back an hour every evening, honestly.',
        `back an hour every evening, honestly, said ${planted.slice(0, 4).join(' and ')}; call ${planted.slice(5).join(' or ')}.`,
      )
      .replace('مجھ پر، سافٹ ویئر پر نہیں۔', `مجھ پر، سافٹ ویئر پر نہیں۔ ${planted[4]} نے کہا`);
    const quotes = tiny.quotes!.replace(
      'lead: A clinician at Canary General Hospital described the evenings.',
      'lead: As Dr.Rukhsar Abbasi (0300 7654329) described the evenings.',
    );
    const { generated, report } = buildContent({ ...tiny, excerpts, quotes });
    const published = Object.values(generated).join('\n');
    for (const p of [...planted, 'Rukhsar', 'McAllister', 'Allister', '7654329']) expect(published, p).not.toContain(p);
    expect(published).toContain(
      'said [a named person] and [a named person] and [a named person] and [a named person]; call [phone number] or [phone number] or [phone number] or [CNIC number].',
    );
    const replaced = JSON.parse(report)
      .excerpts.flatMap((e: { replacements: { rule: string }[] }) => e.replacements)
      .filter((r: { rule: string }) => r.rule.startsWith('detector'));
    expect(replaced).toHaveLength(11);
  });
});
