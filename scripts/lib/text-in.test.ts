/**
 * Text in, text normalised: study files are strict UTF-8 (an error names file, line and byte
 * offset), read as NFC, and a listed term matches whatever the white space between its words, in
 * the anonymiser and in the privacy scan alike.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildContent } from '../build-content.ts';
import { createAnonymizer } from './anonymize.ts';
import { decodeStudyText, firstInvalidByte } from './decode-utf8.ts';
import { findLeaks } from './find-leaks.ts';
import { loadStudy } from './load-study.ts';
import { StudyError } from './problems.ts';
import { readStudyFolder } from './study-files.ts';

const tiny = () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'study-text-')), 'study');
  cpSync('scripts/fixtures/tiny-study', dir, { recursive: true });
  return dir;
};
const latin1 = (s: string) => Buffer.from(s, 'latin1');

describe('strict UTF-8', () => {
  it('finds the first invalid byte, whatever kind of invalid it is', () => {
    const utf8 = (s: string) => [...Buffer.from(s, 'utf8')];
    expect(firstInvalidByte(Buffer.from('all fine, Zoë and ڈاکٹر'))).toBe(-1);
    expect(firstInvalidByte(latin1('- term: Zoë Baloch'))).toBe(10); // é as Latin-1 0xEB, then " "
    expect(firstInvalidByte(Uint8Array.from([...utf8('ab'), 0x80, 0x41]))).toBe(2); // stray continuation
    expect(firstInvalidByte(Uint8Array.from([...utf8('ab'), 0xc0, 0xaf]))).toBe(2); // overlong "/"
    expect(firstInvalidByte(Uint8Array.from([...utf8('ab'), 0xed, 0xa0, 0x80]))).toBe(2); // surrogate
    expect(firstInvalidByte(Uint8Array.from([...utf8('ab'), 0xe2, 0x82]))).toBe(2); // cut short at the end
  });

  it('finds it past the first 64 KiB, in the middle of a character split across chunks', () => {
    const bytes = Buffer.concat([
      Buffer.alloc(65535, 0x61),
      Buffer.from('ë', 'utf8'),
      Buffer.from([0x61, 0xe2, 0x28, 0xa1]),
    ]);
    expect(firstInvalidByte(bytes)).toBe(65535 + 2 + 1);
  });

  it('agrees with the platform on arbitrary bytes: -1 exactly when the bytes decode', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        let valid = true;
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        } catch {
          valid = false;
        }
        const at = firstInvalidByte(bytes);
        expect(at === -1).toBe(valid);
        // Everything before the reported byte is UTF-8.
        if (at > 0) expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, at))).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });

  it('names file, line and byte offset, and says to re-save as UTF-8', () => {
    const decoded = decodeStudyText(latin1('# names\n- term: Zoë Baloch\n'), 'study/redactions.yaml');
    expect(decoded).toEqual({
      problem: {
        file: 'study/redactions.yaml',
        line: 2,
        message:
          'not valid UTF-8: found byte 0xEB at byte offset 18, expected UTF-8 text (the file was probably saved as Latin-1 or Windows-1252; open it and save it again as UTF-8)',
      },
    });
  });

  it('refuses a Latin-1 redactions.yaml instead of redacting a corrupted term (and publishing the name)', () => {
    const dir = tiny();
    writeFileSync(join(dir, 'redactions.yaml'), latin1('- term: Zoë Baloch\n  replacement: "[a colleague]"\n'));
    const files = readStudyFolder(dir);
    expect(files.redactions).toBeUndefined();
    const error = (() => {
      try {
        buildContent(files);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(StudyError);
    expect(
      (error as StudyError).problems.map(
        (p) => `${p.file.replace(/.*\/study\//, '')}:${p.line} ${p.message.slice(0, 50)}`,
      ),
    ).toEqual(['redactions.yaml:1 not valid UTF-8: found byte 0xEB at byte offset 10']);
  });

  it('reports a non-UTF-8 narrative once, not also as missing', () => {
    const dir = tiny();
    const path = join(dir, 'themes/doubt.mdx');
    writeFileSync(path, Buffer.concat([readFileSync(path), latin1('\nCafé\n')]));
    const { problems } = loadStudy(readStudyFolder(dir));
    expect(problems.map((p) => p.file.replace(/.*\/study\//, ''))).toEqual(['themes/doubt.mdx']);
    expect(() => buildContent(readStudyFolder(dir))).toThrow(/themes\/doubt\.mdx:\d+: not valid UTF-8/);
    expect(() => buildContent(readStudyFolder(dir))).toThrow(/^1 problem /);
  });
});

describe('NFC on read', () => {
  const nfd = (s: string) => s.normalize('NFD');

  it('reads every study file as NFC', () => {
    const dir = tiny();
    const path = join(dir, 'excerpts.csv');
    writeFileSync(path, readFileSync(path, 'utf8').replace('honestly.', nfd('honestly, said Anaïs.')));
    expect(readStudyFolder(dir).excerpts).toContain('said Anaïs.'.normalize('NFC'));
  });

  it('redacts an NFC term in NFD text and an NFD term in NFC text (Latin and Urdu)', () => {
    for (const [term, text] of [
      ['Anaïs Dürrani', nfd('Anaïs Dürrani said')],
      [nfd('Anaïs Dürrani'), 'Anaïs Dürrani said'],
      ['آمنہ', nfd('آمنہ نے کہا')],
    ]) {
      const out = createAnonymizer([{ term, replacement: '[a colleague]' }])(text).text;
      expect(out.startsWith('[a colleague]'), JSON.stringify(text)).toBe(true);
    }
  });

  it('the scan finds an NFC term in NFD site text', () => {
    const leaks = findLeaks(
      [{ file: 'a.html', text: `<p>${nfd('Anaïs Dürrani')}</p>`, data: false }],
      [{ term: 'Anaïs Dürrani', replacement: 'x' }],
      [],
    );
    expect(leaks.map((l) => l.rule)).toEqual(['redactions.yaml entry 1']);
  });
});

describe('a listed name whatever the white space between its words', () => {
  const gaps = ['\n', '\r\n', '  ', '\u00a0', '\t', ' \n  ', '\u2009', '\u200b', '\u3000'];
  const redactions = [
    { term: 'Zoë Baloch', replacement: '[a colleague]' },
    { pattern: 'Dr\\.? Hina( Shah)?', replacement: '[a doctor]' },
  ];
  const anonymize = createAnonymizer(redactions);

  it('is replaced by the anonymiser, term or pattern', () => {
    for (const gap of gaps) {
      expect(anonymize(`I met Zoë${gap}Baloch and Dr.${gap}Hina${gap}Shah.`).text, JSON.stringify(gap)).toBe(
        'I met [a colleague] and [a doctor].',
      );
    }
  });

  it('is found by the scan in a page', () => {
    for (const gap of gaps) {
      const leaks = findLeaks(
        [{ file: 'p.html', text: `<p>I met Zoë${gap}Baloch and DR${gap}HINA</p>`, data: false }],
        redactions,
        [],
      );
      expect(
        leaks.map((l) => l.rule),
        JSON.stringify(gap),
      ).toEqual(['redactions.yaml entry 1', 'redactions.yaml entry 2']);
    }
  });

  it('property: any run of white space between the words is replaced and never published', () => {
    const gap = fc
      .array(fc.constantFrom(' ', '\n', '\r', '\t', '\u00a0', '\u2002', '\u202f', '\u200b', '\u2060'), {
        minLength: 1,
        maxLength: 4,
      })
      .map((a) => a.join(''));
    fc.assert(
      fc.property(gap, fc.constantFrom('', 'said ', '(', '"'), (g, before) => {
        const out = anonymize(`${before}Zoë${g}Baloch.`).text;
        expect(out).toBe(`${before}[a colleague].`);
      }),
    );
  });

  it('leaves a word that only begins like the name alone', () => {
    expect(anonymize('Zoë Balochistan').text).toBe('Zoë Balochistan');
  });
});
