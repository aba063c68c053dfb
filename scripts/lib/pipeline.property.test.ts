/**
 * Fuzzing the content pipeline: arbitrary text in excerpt cells, codebook fields, lead-ins,
 * participant attributes and redaction entries, written into the tiny fixture both as a careful
 * author would (quoted) and as a careless one would (raw). `buildContent` must either publish the
 * text literally or report clear problems; it must never crash or throw anything but a StudyError.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildContent } from '../build-content.ts';
import { createAnonymizer } from './anonymize.ts';
import { loadStudy } from './load-study.ts';
import { type Problem, StudyError, formatProblem, show } from './problems.ts';
import type { ExcerptRecord } from './schema.ts';
import { readStudyFolder, type StudyFiles } from './study-files.ts';

const tiny = readStudyFolder('scripts/fixtures/tiny-study');
/** FUZZ_RUNS=2000 for a deeper search; the default keeps the unit project fast. */
const RUNS = { numRuns: Number(process.env.FUZZ_RUNS ?? 25) };
const TIMEOUT = 10_000 + RUNS.numRuns * 100;

/** Pieces that have broken parsers and renderers before: MDX, HTML, CSV and YAML syntax, odd Unicode. */
const NASTY = [
  '{',
  '}',
  '<',
  '>',
  '`',
  '```',
  "import x from 'y'",
  'export const a = 1',
  '<script>',
  '</script>',
  '|',
  '\\',
  '"',
  "'",
  '\r\n',
  '\n',
  '\r',
  '\0',
  '\u2028',
  '\u2029',
  '\uFEFF',
  'اگر یہ غلط ہو تو',
  '\u200F',
  '👩🏽‍⚕️',
  '🇵🇰',
  '\uD800',
  '\uDFFF',
  ' ',
  '\t',
  ',',
  ';',
  ':',
  ': ',
  '#',
  ' #',
  '- ',
  '---',
  '&a',
  '*a',
  '!!str',
  '%',
  '@',
  '&amp;',
  '&#60;',
  '[',
  ']',
  '(',
  ')',
  '$&',
  '$1',
  'a',
  'Z',
  '7',
];
/** Any text a team might paste: whole graphemes, any code point (lone surrogates too), or nasty pieces. */
const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom(...NASTY), maxLength: 12 }),
);
/** Regular-expression sources without nested quantifiers, so a pattern cannot backtrack for minutes. */
const patternText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: fc.constantFrom(...NASTY, '.', '?', '^', '$', '\\d', '\\p{L}', '(?<=a)', '{2}'), maxLength: 8 }),
);

/** A CSV cell as RFC 4180 writes it. */
const csvQuote = (s: string) => `"${s.replaceAll('"', '""')}"`;
/** A YAML double-quoted scalar: JSON escapes, plus the characters YAML does not allow unescaped. */
const yamlQuote = (s: string) =>
  JSON.stringify(s).replace(
    /[\x7F-\x84\x86-\x9F\uFFFE\uFFFF]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
/** Replaces one exact piece of a fixture file; a function replacement, so `$&` in data stays literal. */
function swap(source: string | undefined, from: string, to: string): string {
  expect(source).toContain(from);
  return source!.replace(from, () => to);
}

type Outcome =
  { generated: Record<string, string>; problems?: undefined } | { generated?: undefined; problems: Problem[] };

/** Runs the pipeline; any exception but a StudyError fails the test with its stack. */
function attempt(files: StudyFiles): Outcome {
  try {
    return { generated: buildContent(files).generated };
  } catch (e) {
    if (e instanceof StudyError) return { problems: e.problems };
    throw e;
  }
}

/** Files present in the folder, as problems name them. */
function filesOf(files: StudyFiles): Set<string> {
  const names = (['study', 'codebook', 'quotes', 'redactions', 'brief', 'participants', 'excerpts'] as const)
    .filter((k) => files[k] !== undefined)
    .map((k) => `${files.dir}/${k}.${k === 'participants' || k === 'excerpts' ? 'csv' : 'yaml'}`);
  return new Set([...names, ...Object.keys(files.narratives).map((id) => `${files.dir}/themes/${id}.mdx`)]);
}

/** The pipeline's own words in a message, without the quoted values it echoes from the input. */
const ownWords = (message: string) => message.replace(/"(?:[^"\\]|\\.)*"/g, '""');

/** Asserts the outcome is a build or a list of problems a research team can act on. */
function expectClear(files: StudyFiles, outcome: Outcome): void {
  if (outcome.generated) return;
  const present = filesOf(files);
  expect(outcome.problems.length).toBeGreaterThan(0);
  for (const p of outcome.problems) {
    expect(present, `problem names a file not in the folder: ${JSON.stringify(p)}`).toContain(p.file);
    expect(p.message.trim()).not.toBe('');
    expect(ownWords(p.message)).not.toMatch(/undefined|\[object Object\]|NaN|\n\s+at /);
    expect(`${p.field ?? ''}`).not.toMatch(/undefined|\[object Object\]/);
    const syntax = /\.csv$/.test(p.file) || p.message.startsWith('malformed YAML');
    if (syntax) expect(p.line, `syntax problem without a line: ${JSON.stringify(p)}`).toBeGreaterThan(0);
  }
}

/** Whether the anonymizer leaves a text alone (then the published text must equal it exactly). */
const anonymize = createAnonymizer(loadStudy(tiny).loaded.redactions);
const untouched = (s: string) => anonymize(s).text === s;

const site = (o: Outcome) => JSON.parse(o.generated!['site.json']);
const excerpt = (o: Outcome, id: string) =>
  (JSON.parse(o.generated!['excerpts.json']) as ExcerptRecord[]).find((e) => e.id === id)!;

const E0005 = '"I check every report it drafts, which eats the time it saved."';
const E0004_ORIGINAL = 'اگر یہ غلط ہو تو الزام کس پر آئے گا؟ مجھ پر، سافٹ ویئر پر نہیں۔ کینری ظفر';
const E0004_TEXT =
  'E0004,P02,2,liability,"If it is wrong, who is blamed? Me, not the software. <script>alert(1)</script>",';

describe('excerpt text in excerpts.csv', () => {
  it(
    'publishes any properly quoted text exactly (trimmed), or says the cell is empty, on its line',
    () => {
      fc.assert(
        fc.property(text, (s) => {
          const files = { ...tiny, excerpts: swap(tiny.excerpts, E0005, csvQuote(s)) };
          const outcome = attempt(files);
          expectClear(files, outcome);
          if (s.trim() === '') {
            expect(outcome.problems).toEqual([
              {
                file: `${tiny.dir}/excerpts.csv`,
                line: 6,
                field: 'column "text"',
                message: `found ${show(s)}, expected a non-empty text`,
              },
            ]);
          } else {
            expect(outcome.problems).toBeUndefined();
            if (untouched(s.trim())) expect(excerpt(outcome, 'E0005').text).toBe(s.trim());
          }
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    'names the line an editor shows for a row after a multi-line quoted cell, with LF, CRLF or CR line breaks',
    () => {
      fc.assert(
        fc.property(text, fc.constantFrom('\n', '\r\n', '\r'), (s, eol) => {
          const excerpts = swap(tiny.excerpts!.replaceAll('\n', eol), E0005, csvQuote(`x${s}`)).replace(
            'E0008,P05,',
            'E0008,P55,',
          );
          const outcome = attempt({ ...tiny, excerpts });
          const breaks = s.match(/\r\n|\r|\n/g)?.length ?? 0;
          expect(outcome.problems?.map((p) => p.line)).toEqual([9 + breaks]);
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    'publishes raw, unquoted text exactly when it holds no CSV syntax, and otherwise reports problems with lines',
    () => {
      fc.assert(
        fc.property(text, (s) => {
          const files = { ...tiny, excerpts: swap(tiny.excerpts, E0005, s) };
          const outcome = attempt(files);
          expectClear(files, outcome);
          if (!/[",\r\n]/.test(s) && s.trim() !== '') {
            expect(outcome.problems).toBeUndefined();
            if (untouched(s.trim())) expect(excerpt(outcome, 'E0005').text).toBe(s.trim());
          }
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    'publishes any Urdu original exactly (trimmed) when quoted, or raw without CSV syntax',
    () => {
      fc.assert(
        fc.property(text, fc.boolean(), (s, quoted) => {
          const files = { ...tiny, excerpts: swap(tiny.excerpts, E0004_ORIGINAL, quoted ? csvQuote(s) : s) };
          const outcome = attempt(files);
          expectClear(files, outcome);
          if ((quoted || !/[",\r\n]/.test(s)) && s.trim() !== '') {
            expect(outcome.problems).toBeUndefined();
            if (untouched(s.trim())) expect(excerpt(outcome, 'E0004').originalText).toBe(s.trim());
          }
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );
});

describe('original_lang in excerpts.csv', () => {
  it(
    'publishes a language code as given and reports anything else (" ur", "UR", "constructor") on its line',
    () => {
      const code = fc.oneof(
        text,
        fc.constantFrom(
          'ur',
          'pa-Arab',
          'fa-IR',
          ' ur',
          'UR',
          'Urdu',
          'constructor',
          '__proto__',
          'toString',
          'ur-',
          '-ur',
        ),
        fc.stringMatching(/^[a-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,2}$/),
      );
      fc.assert(
        fc.property(code, (s) => {
          const files = { ...tiny, excerpts: swap(tiny.excerpts, `${E0004_TEXT}ur,`, `${E0004_TEXT}${csvQuote(s)},`) };
          const outcome = attempt(files);
          expectClear(files, outcome);
          if (/^[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(s)) expect(excerpt(outcome, 'E0004').originalLang).toBe(s);
          else
            expect(outcome.problems).toEqual([
              {
                file: `${tiny.dir}/excerpts.csv`,
                line: 5,
                field: 'column "original_lang"',
                message: s
                  ? `found ${show(s)}, expected a language code like ur or pa-Arab`
                  : 'original_text and original_lang go together: give both or neither',
              },
            ]);
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );
});

/** Codebook lines to fuzz, and where their value lands in site.json. */
const CODEBOOK_FIELDS: { line: string; key: string; at: (site: any) => string }[] = [
  { line: '    label: Speed and time', key: 'label', at: (s) => s.themes[0].label },
  { line: '    summary: Participants said the tools were fast.', key: 'summary', at: (s) => s.themes[0].summary },
  { line: '    plainSummary: The tools save time.', key: 'plainSummary', at: (s) => s.themes[0].plainSummary },
  { line: '        label: Saved time', key: 'label', at: (s) => s.themes[0].subthemes[0].label },
  {
    line: '        definition: Time that came back.',
    key: 'definition',
    at: (s) => s.themes[0].subthemes[0].definition,
  },
  { line: '            label: Time saved', key: 'label', at: (s) => s.themes[0].subthemes[0].codes[0].label },
  {
    line: '            definition: A task got shorter.',
    key: 'definition',
    at: (s) => s.themes[0].subthemes[0].codes[0].definition,
  },
];

describe('codebook labels, definitions and summaries', () => {
  it(
    'publishes any properly quoted value exactly (trimmed) in site.json, or names the field and line',
    () => {
      fc.assert(
        fc.property(fc.constantFrom(...CODEBOOK_FIELDS), text, (field, s) => {
          const indent = field.line.match(/^ */)![0];
          const files = {
            ...tiny,
            codebook: swap(tiny.codebook, field.line, `${indent}${field.key}: ${yamlQuote(s)}`),
          };
          const outcome = attempt(files);
          expectClear(files, outcome);
          if (s.trim() === '') {
            expect(outcome.problems).toHaveLength(1);
            expect(outcome.problems![0]).toMatchObject({
              file: `${tiny.dir}/codebook.yaml`,
              line: tiny.codebook!.split('\n').indexOf(field.line) + 1,
            });
          } else {
            expect(outcome.problems).toBeUndefined();
            expect(field.at(site(outcome))).toBe(s.trim());
          }
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    'reports raw, unquoted values that are not plain YAML text as problems with lines, never a crash',
    () => {
      fc.assert(
        fc.property(fc.constantFrom(...CODEBOOK_FIELDS), text, (field, s) => {
          const indent = field.line.match(/^ */)![0];
          const files = { ...tiny, codebook: swap(tiny.codebook, field.line, `${indent}${field.key}: ${s}`) };
          const outcome = attempt(files);
          expectClear(files, outcome);
          for (const p of outcome.problems ?? [])
            if (p.file.endsWith('codebook.yaml')) expect(p.line).toBeGreaterThan(0);
          if (/^[\p{L}][\p{L} ]*$/u.test(s) && !/^(?:true|false|null|yes|no|on|off|y|n)$/i.test(s.trim())) {
            expect(outcome.problems).toBeUndefined();
            expect(field.at(site(outcome))).toBe(s.trim());
          }
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );
});

describe('lead-ins in quotes.yaml', () => {
  it(
    'publishes any lead-in exactly (trimmed) when quoted, and reports problems with lines when raw',
    () => {
      fc.assert(
        fc.property(text, fc.boolean(), (s, quoted) => {
          const files = {
            ...tiny,
            quotes: swap(
              tiny.quotes,
              '  - excerpt: E0003\n',
              `  - excerpt: E0003\n    lead: ${quoted ? yamlQuote(s) : s}\n`,
            ),
          };
          const outcome = attempt(files);
          expectClear(files, outcome);
          for (const p of outcome.problems ?? []) if (p.file.endsWith('quotes.yaml')) expect(p.line).toBeGreaterThan(0);
          if (quoted && s.trim() !== '') {
            expect(outcome.problems).toBeUndefined();
            if (untouched(s.trim())) expect(site(outcome).themes[0].quotes[1].lead).toBe(s.trim());
          }
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );
});

describe('participant attributes in participants.csv', () => {
  it(
    'publishes any shown attribute value exactly (trimmed, or "Not recorded"), quoted or raw',
    () => {
      fc.assert(
        fc.property(text, fc.boolean(), (s, quoted) => {
          // The same value for all three Mental health participants keeps every group at k = 3.
          const files = {
            ...tiny,
            participants: tiny.participants!.replaceAll(',Mental health,', () => `,${quoted ? csvQuote(s) : s},`),
          };
          const outcome = attempt(files);
          expectClear(files, outcome);
          if (quoted || !/[",\r\n]/.test(s)) {
            expect(outcome.problems).toBeUndefined();
            const expected = s.trim() || 'Not recorded';
            if (untouched(expected)) {
              expect(excerpt(outcome, 'E0001').attributes.specialty_group).toBe(expected);
              expect(site(outcome).participantSummary[0].values.map((v: { value: string }) => v.value)).toContain(
                expected,
              );
            }
          }
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    'accepts any hidden attribute value, which the review flags read as text, never as a pattern',
    () => {
      fc.assert(
        fc.property(text, fc.boolean(), (s, quoted) => {
          const files = {
            ...tiny,
            participants: swap(tiny.participants, ',Woman,Attock', `,${quoted ? csvQuote(s) : s},Attock`),
          };
          const outcome = attempt(files);
          expectClear(files, outcome);
          if (quoted || !/[",\r\n]/.test(s)) expect(outcome.problems).toBeUndefined();
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );
});

describe('redactions.yaml', () => {
  it(
    'replaces an excerpt that is exactly any redaction term, so a term with regex or YAML syntax still works',
    () => {
      fc.assert(
        fc.property(text, (s) => {
          const files = {
            ...tiny,
            redactions: `- term: ${yamlQuote(s)}\n  replacement: "[X]"\n${tiny.redactions}`,
            excerpts: swap(tiny.excerpts, E0005, csvQuote(s)),
          };
          const outcome = attempt(files);
          expectClear(files, outcome);
          if (s.trim() !== '') {
            expect(outcome.problems).toBeUndefined();
            expect(excerpt(outcome, 'E0005').text).toBe('[X]');
          }
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    'builds with any raw term, and any pattern, or reports the entry with its line',
    () => {
      fc.assert(
        fc.property(
          fc.oneof(
            text.map((s) => ['term', s]),
            patternText.map((s) => ['pattern', s]),
          ),
          fc.boolean(),
          ([kind, s], quoted) => {
            const files = {
              ...tiny,
              redactions: `${tiny.redactions}- ${kind}: ${quoted ? yamlQuote(s) : s}\n  replacement: "[X]"\n`,
            };
            const outcome = attempt(files);
            expectClear(files, outcome);
            for (const p of outcome.problems ?? [])
              if (p.file.endsWith('redactions.yaml')) expect(p.line).toBeGreaterThan(0);
          },
        ),
        RUNS,
      );
    },
    TIMEOUT,
  );
});

describe('problem messages', () => {
  it(
    'quote a long found value shortened, without cutting a character in half',
    () => {
      const wide = fc.string({ unit: fc.constantFrom('a', 'ب', '😀', '👩🏽‍⚕️', '🇵🇰'), minLength: 40, maxLength: 80 });
      fc.assert(
        fc.property(wide, (s) => {
          const files = { ...tiny, excerpts: swap(tiny.excerpts, 'E0005,P03,1', `E0005,${csvQuote(`P${s}`)},1`) };
          const outcome = attempt(files);
          expectClear(files, outcome);
          const quoted = outcome
            .problems!.flatMap((p) => p.message.match(/"(?:[^"\\]|\\.)*"/g) ?? [])
            .map((q) => JSON.parse(q) as string);
          expect(quoted.length).toBeGreaterThan(0);
          for (const q of quoted) expect(q.isWellFormed(), JSON.stringify(q)).toBe(true);
          expect(quoted[0]).toBe([...`P${s}`].length > 60 ? `${[...`P${s}`].slice(0, 57).join('')}...` : `P${s}`);
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );
});

describe('YAML that parses but cannot be read', () => {
  it('reports an alias without an anchor (a raw text starting with *) and an alias bomb as malformed YAML with lines', () => {
    const bomb =
      'a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\n';
    const lead = attempt({
      ...tiny,
      quotes: swap(tiny.quotes, '  - excerpt: E0003\n', '  - excerpt: E0003\n    lead: *Emphasised*\n'),
    });
    const codebook = attempt({ ...tiny, codebook: bomb + tiny.codebook });
    expect([...lead.problems!, ...codebook.problems!].map(formatProblem)).toMatchInlineSnapshot(`
      [
        "scripts/fixtures/tiny-study/quotes.yaml:5: malformed YAML: *Emphasised* refers to no anchor &Emphasised* before it (a text that starts with * needs quotes)",
        "scripts/fixtures/tiny-study/codebook.yaml:2: malformed YAML: aliases (*name) expand to more data than a study file needs; write the values out (Excessive alias count indicates a resource exhaustion attack)",
      ]
    `);
  });
});
