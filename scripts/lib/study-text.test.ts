import { describe, expect, it } from 'vitest';
import { DETECTORS } from './detectors.ts';
import { exportQdc } from '../../src/formats/qdc.ts';
import { findLeaks } from './find-leaks.ts';
import type { Codebook } from './schema.ts';
import { enclosingToken, holdsStudyText, pageMetadataText } from './study-text.ts';

/** A small deterministic generator (mulberry32), so a failure can be reproduced. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), seed | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` distinct random code ids: lowercase letters and digits, sometimes hyphenated, 3 to 16 characters. */
function randomIds(n: number, next = random(13)): string[] {
  const chars = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const ids = new Set<string>();
  while (ids.size < n) {
    const word = () =>
      Array.from({ length: 3 + Math.floor(next() * 8) }, () => chars[Math.floor(next() * chars.length)]).join('');
    ids.add(next() < 0.3 ? `${word()}-${word()}` : word());
  }
  return [...ids];
}

function codebookOf(ids: string[], definition = (i: number) => `Applies to passage kind ${i}.`): Codebook {
  const themes = [];
  for (let t = 0; t < ids.length; t += 100) {
    const codes = ids.slice(t, t + 100).map((id, i) => ({ id, label: `Code ${t + i}`, definition: definition(t + i) }));
    themes.push({
      id: `theme-${t}`,
      label: `Theme ${t}`,
      colour: '#0072B2',
      definition: 'd',
      summary: 's',
      plainSummary: 'p',
      subthemes: [{ id: `sub-${t}`, label: 'S', definition: 'd', codes }],
    });
  }
  return { themes };
}

const allIds = (c: Codebook) =>
  c.themes.flatMap((t) => [t.id, ...t.subthemes.flatMap((s) => [s.id, ...s.codes.map((x) => x.id)])]);

describe('the privacy scan and identifiers the build generates', () => {
  const ids = randomIds(10_000);
  const codebook = codebookOf(ids);
  const qdc = exportQdc(codebook);
  // The codebook as the downloads carry it: the .qdc, and the ids in a CSV.
  const texts = [
    { file: 'data/codebook.qdc', text: qdc, data: true },
    {
      file: 'data/codebook.csv',
      text: `code_id,code_label\n${ids.map((id, i) => `${id},Code ${i}`).join('\n')}\n`,
      data: true,
    },
  ];

  it('finds digit runs that read as phone or CNIC numbers inside the GUIDs and ids (what the test guards against)', () => {
    const raw = texts.flatMap((t) => DETECTORS.flatMap((d) => [...t.text.matchAll(d.pattern)].map((m) => m[0])));
    expect(raw.length).toBeGreaterThan(0);
  });

  it('refuses none of 10,000 random code ids', () => {
    expect(findLeaks(texts, [], [], allIds(codebook))).toEqual([]);
  });

  it('still catches a phone number, CNIC and e-mail address written in a definition that lands in the .qdc', () => {
    const planted = codebookOf(ids.slice(0, 300), (i) =>
      i === 7 ? 'Ring 0300 1234567 first.' : i === 150 ? 'ID 35202-1234567-1, or x.y@example.org' : 'Plain.',
    );
    const leaks = findLeaks(
      [{ file: 'data/codebook.qdc', text: exportQdc(planted), data: true }],
      [],
      [],
      allIds(planted),
    );
    expect(leaks.map((l) => `${l.rule}: ${l.found}`)).toEqual([
      'detector: e-mail address: x.y@example.org',
      'detector: CNIC number: 35202-1234567-1',
      'detector: phone number: 0300 1234567',
    ]);
  });

  it('catches a number written next to an id, and a number that only looks like part of an unknown token', () => {
    const leaks = findLeaks(
      [{ file: 'a.html', text: 'E0042 03001234567 and P03001234567', data: true }],
      [],
      [],
      ['E0042'],
    );
    expect(leaks.map((l) => l.found)).toEqual(['03001234567', '03001234567']);
  });

  it('lets through a number inside an excerpt id the build publishes', () => {
    expect(
      findLeaks([{ file: 'a.html', text: 'Excerpt E03001234567 by P01', data: true }], [], [], ['E03001234567']),
    ).toEqual([]);
  });
});

describe('enclosingToken', () => {
  it('widens a match over identifier characters, braces included', () => {
    const guid = '{6f1c7c1e-3b5a-4d0e-9a52-7f049006473c}';
    const text = `guid="${guid}"`;
    const at = text.indexOf('049006473');
    expect(enclosingToken(text, at, at + 9)).toBe(guid);
    expect(enclosingToken('call 0300 1234567.', 5, 17)).toBe('0300 1234567');
  });
});

describe('holdsStudyText', () => {
  it('leaves out Pagefind files other than fragments, scripts and styles', () => {
    expect(
      ['pagefind/pagefind-entry.json', 'pagefind/index/en_1.pf_index', '_astro/a.js', 'x.css', 'a.svg'].filter(
        holdsStudyText,
      ),
    ).toEqual([]);
    expect(
      ['pagefind/fragment/en_1.pf_fragment', 'data/codebook.qdc', 'data/excerpts.csv', 'index.html'].filter(
        holdsStudyText,
      ),
    ).toHaveLength(4);
  });
});

describe('pageMetadataText', () => {
  const page = [
    '<html><head><meta http-equiv="content-security-policy" content="script-src \'sha256-ab03001234567cd=\'">',
    '<meta name="description" content="Call 0300 1111111"><meta property="og:title" content="Title">',
    '<script type="application/ld+json">{"abstract":"ring 0300 2222222"}</script><script>var x = "0300 3333333";</script>',
    '</head><body><img alt="Photo of 0300 4444444" src="/a0300555555.png"><a href="tel:03006666666">call</a></body></html>',
  ].join('');

  it('gives the body’s alt text and tel: links, but not scripts, file names or the head (headText reads that)', () => {
    const text = pageMetadataText(page);
    for (const n of ['0300 4444444', '03006666666']) expect(text).toContain(n);
    for (const n of ['03001234567', '0300 1111111', '0300 2222222', '0300 3333333', '0300555555'])
      expect(text).not.toContain(n);
  });
});

describe('separate texts of a page stay separate for the detectors', () => {
  it('does not read a description ending in "the dr" and the next label "Main" as a name', () => {
    const page =
      '<html><head><meta name="description" content="For the two weeks the dr"></head><body><nav aria-label="Main"></nav><form role="search" aria-label="Search excerpts"></form></body></html>';
    expect(findLeaks([{ file: 'e.html', text: pageMetadataText(page), data: true }], [], [], [])).toEqual([]);
    // The same words in one text are still a name.
    expect(findLeaks([{ file: 'e.html', text: 'the dr\nMain', data: true }], [], [], []).length).toBe(1);
  });
});
