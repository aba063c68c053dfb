/**
 * k-anonymity includes the words next to the pseudonym: the review flags catch durations (in
 * digits or words), ranks and specialties finer than the shown attributes, in lead-ins and in every
 * text shown with a pseudonym; they are warnings in the report, never errors; and the bundled
 * study passes its own review.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildContent, reviewWarnings } from '../build-content.ts';
import { reviewFlags } from './review-flags.ts';
import { readStudyFolder } from './study-files.ts';

const senior = { specialty_group: 'Medicine', sector: 'Private', experience_band: '10 years or more' };
const junior = { specialty_group: 'Medicine', sector: 'Public', experience_band: 'Under 10 years' };
const surgical = { specialty_group: 'Surgery and anaesthesia', sector: 'Public', experience_band: 'Under 10 years' };
const hidden = { specialty: 'Emergency medicine', gender: 'Woman' };

describe('review flags on lead-ins (they describe the speaker)', () => {
  it('flags what the issue found: "more than twenty years", "ten to nineteen years", "A trainee"', () => {
    expect(
      reviewFlags(
        'A physician with more than twenty years in practice, now in the private sector.',
        {},
        senior,
        'lead',
      ),
    ).toEqual([
      'a duration ("more than twenty years") finer than the experience shown with the pseudonym (shown: "10 years or more")',
    ]);
    expect(
      reviewFlags('A mental health professional, ten to nineteen years in practice, tried an app.', {}, senior, 'lead'),
    ).toEqual([
      'a duration ("ten to nineteen years") finer than the experience shown with the pseudonym (shown: "10 years or more")',
    ]);
    expect(reviewFlags('A trainee in a public hospital explained a rule.', {}, junior, 'lead')).toEqual([
      'a rank or training grade ("trainee") that the site does not show',
    ]);
  });

  it('lets a lead-in restate the shown band', () => {
    expect(reviewFlags('A doctor with under ten years in practice.', {}, junior, 'lead')).toEqual([]);
    expect(reviewFlags('A physician with over a decade of practice.', {}, senior, 'lead')).toEqual([]);
    expect(reviewFlags('A clinician in a private surgical service.', {}, surgical, 'lead')).toEqual([]);
  });

  it('property: any number of years, in digits or words, is flagged unless it restates the band', () => {
    const words = [
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
    ];
    const tens = ['twenty', 'thirty', 'forty'];
    const spelled = (n: number) =>
      n < 20
        ? words[n - 1]
        : `${tens[Math.floor(n / 10) - 2]}${n % 10 ? `${fc.sample(fc.constantFrom('-', ' '), 1)[0]}${words[(n % 10) - 1]}` : ''}`;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 49 }),
        fc.boolean(),
        fc.constantFrom('', 'more than ', 'nearly ', 'about '),
        fc.constantFrom('years in practice', 'years of experience', 'years out of house job', 'year'),
        (n, digits, qualifier, unit) => {
          // "more than nine / ten years" is what "10 years or more" says.
          fc.pre(!(qualifier === 'more than ' && (n === 9 || n === 10)));
          const phrase = `${qualifier}${digits ? n : spelled(n)} ${unit}`;
          const flags = reviewFlags(`A clinician with ${phrase}.`, {}, senior, 'lead');
          expect(
            flags.filter((f) => f.startsWith('a duration (')),
            phrase,
          ).toHaveLength(1);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("review flags on excerpt texts (the speaker's words)", () => {
  it('flags a speaker placing themself by rank, specialty or career length', () => {
    expect(reviewFlags('As a resident, I was told to trust the score.', {}, junior)).toEqual([
      'a rank or training grade ("resident") that the site does not show',
    ]);
    expect(reviewFlags('In emergency we do not have time for that.', hidden, senior)).toEqual([
      'a specialty ("emergency") finer than the attributes shown with the pseudonym',
    ]);
    expect(reviewFlags('Three years out of house job, I still check everything.', {}, junior)).toEqual([
      'a duration ("Three years") finer than the experience shown with the pseudonym (shown: "Under 10 years")',
      'a rank or training grade ("house job") that the site does not show',
    ]);
    expect(reviewFlags('I qualified in 2009 and have seen tools come and go.', {}, senior)).toHaveLength(1);
    expect(reviewFlags('بیس سال سے میں یہ کام کر رہا ہوں', {}, senior)).toHaveLength(1);
  });

  it('flags the same clues in Urdu originals: rank, specialty, duration', () => {
    expect(reviewFlags('بطور ریزیڈنٹ مجھے سب لکھنا پڑتا ہے', {}, junior)).toEqual([
      'a rank or training grade ("ریزیڈنٹ") that the site does not show',
    ]);
    expect(reviewFlags('ایمرجنسی میں برن آؤٹ کوئی لفظ نہیں', {}, senior)).toEqual([
      'a specialty ("ایمرجنسی") finer than the attributes shown with the pseudonym',
    ]);
    expect(reviewFlags('ہماری سرجری میں یہ نہیں چلتا', {}, surgical)).toEqual([]); // the shown group says surgery
    expect(reviewFlags('کنسلٹنٹ کی طرح نہیں، کتاب کی طرح', {}, junior)).toEqual([]);
  });

  it("leaves durations and ranks that are not about the speaker's career alone", () => {
    for (const text of [
      'Three years ago the hospital bought a new system.',
      'The consultant on call signed the report.',
      'The patient waited two hours.',
      'A few years back nobody cared.',
      'We in surgery see it differently.',
    ]) {
      expect(reviewFlags(text, {}, surgical), text).toEqual([]);
    }
  });

  it('still flags a hidden attribute named in the text, and "the only"', () => {
    expect(reviewFlags('I was the only woman on the ward.', hidden, senior)).toEqual([
      '"the only ..." can single a person out',
      'names the speaker\'s gender ("Woman"), which the site does not show',
    ]);
  });
});

describe('review flags in the build', () => {
  it('run on lead-ins and on original-language texts, are listed in the report and printed as warnings, and never stop the build', () => {
    const tiny = readStudyFolder('scripts/fixtures/tiny-study');
    const files = {
      ...tiny,
      quotes: tiny.quotes!.replace(
        'lead: A clinician at Canary General Hospital described the evenings.',
        'lead: A trainee with twelve years in practice described the evenings.',
      ),
      excerpts: tiny.excerpts!.replace('مجھ پر، سافٹ ویئر پر نہیں۔', 'مجھ پر، بیس سال سے۔'),
    };
    const { report } = buildContent(files);
    const entries = JSON.parse(report).excerpts as { where: string; at: string; flags: string[] }[];
    expect(entries.filter((e) => e.flags.length).map((e) => [e.where, e.at, e.flags.length])).toEqual([
      ['E0004', 'scripts/fixtures/tiny-study/excerpts.csv:5', 1],
      ['quotes.yaml speed.0', 'scripts/fixtures/tiny-study/quotes.yaml:2', 2],
    ]);
    expect(reviewWarnings(report)).toEqual([
      '3 review flags: text shown with a pseudonym that may narrow down who spoke (not an error; read them in reports/anonymization-report.json before publishing)',
      'warning: scripts/fixtures/tiny-study/excerpts.csv:5 (E0004): a duration ("بیس سال") finer than the experience shown with the pseudonym (shown: "10 years or more")',
      'warning: scripts/fixtures/tiny-study/quotes.yaml:2 (quotes.yaml speed.0): a duration ("twelve years") finer than the experience shown with the pseudonym (shown: "10 years or more")',
      'warning: scripts/fixtures/tiny-study/quotes.yaml:2 (quotes.yaml speed.0): a rank or training grade ("trainee") that the site does not show',
    ]);
  });

  it('the bundled study passes its own review: no flag on any text shown with a pseudonym', () => {
    const entries = JSON.parse(buildContent(readStudyFolder('content/study')).report).excerpts as {
      where: string;
      flags: string[];
    }[];
    expect(entries.flatMap((e) => e.flags.map((f) => `${e.where}: ${f}`))).toEqual([]);
  });
});
