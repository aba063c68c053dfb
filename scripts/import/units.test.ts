/** The small pieces: ids, pseudonyms, text decoding and position slicing. */
import { describe, expect, it } from 'vitest';
import { assignExcerptIds } from './excerpt-ids.ts';
import { excerptIdsFromGuids, idAllocator, participantIds, slugify } from './ids.ts';
import type { RawExcerpt } from './model.ts';
import { nameDigest } from './record.ts';
import { decodeText, slicer } from './positions.ts';

describe('ids', () => {
  it('slugs names, and makes them unique in call order', () => {
    const next = idAllocator(['trust']);
    expect([
      next('Trust', 'theme'),
      next('Vertrauen & Zuverlässigkeit', 'theme'),
      next('اعتماد', 'code'),
      next('اعتماد', 'code'),
    ]).toEqual(['trust-2', 'vertrauen-zuverlassigkeit', 'code', 'code-2']);
    expect(slugify('A very long code name that goes on and on about the many things it covers')).toBe(
      'a-very-long-code-name-that-goes-on-and-on-about',
    );
  });

  it('lengthens colliding excerpt ids just enough, whatever the order', () => {
    const guids = [
      'abcdef0123456789abcdef0123456789',
      'abcdef01ffff4789abcdef0123456789',
      '0123456789abcdef0123456789abcdef',
    ];
    const ids = excerptIdsFromGuids(guids);
    expect([...ids.values()]).toEqual(['E01234567', 'EABCDEF012', 'EABCDEF01F']);
    expect(excerptIdsFromGuids([...guids].reverse())).toEqual(ids);
  });

  it('keeps names that are pseudonyms already, else numbers everyone in name order', () => {
    expect(participantIds([{ name: 'P01.docx' }, { name: 'P02' }])).toEqual(['P01', 'P02']);
    expect(participantIds([{ name: 'P01' }, { name: 'Ayesha' }, { name: 'x', id: 'P02' }])).toEqual([
      'P03',
      'P01',
      'P02',
    ]);
    // The order of the export plays no part; a name the last import knew keeps its pseudonym.
    expect(participantIds([{ name: 'b.txt' }, { name: 'a.txt' }])).toEqual(['P02', 'P01']);
    const names = ['c.txt', 'a.txt', 'b.txt'];
    expect(
      participantIds(
        names.map((name) => ({ name })),
        (i) => (({ 'a.txt': 'P01', 'b.txt': 'P02' }) as Record<string, string>)[names[i]],
      ),
    ).toEqual(['P03', 'P01', 'P02']);
    // Never the same pseudonym twice, whatever the record says.
    expect(participantIds([{ name: 'x' }, { name: 'y' }], () => 'P01')).toEqual(['P01', 'P02']);
    expect(participantIds([{ name: 'Ayesha' }, { name: 'P01.txt' }], (i) => (i === 0 ? 'P01' : undefined))).toEqual([
      'P01',
      'P02',
    ]);
  });
});

describe('excerpt ids on a re-import', () => {
  const passage = (guid: string, text: string, span: [number, number]): RawExcerpt => ({
    idFrom: { guid },
    span,
    participant: 'p',
    document: 'doc',
    order: [0],
    text,
    codes: [],
  });
  it('never hands a retired or released id to a new passage', () => {
    const record = { version: 1 as const, nodes: {}, participants: {}, excerpts: {}, retired: ['EAAAAAAAA'] };
    const fresh = assignExcerptIds(
      [
        passage('aaaaaaaa11112222333344445555666a', 'New words.', [0, 10]),
        passage('bbbbbbbb11112222333344445555666b', 'Other words.', [20, 32]),
      ],
      record,
      new Map(),
      ['EBBBBBBBB'],
    );
    expect(fresh.ids).toEqual(['EAAAAAAAA1', 'EBBBBBBBB1']);
    expect(fresh.added).toEqual(['EAAAAAAAA1', 'EBBBBBBBB1']);
  });

  it('takes a passage as edited only when its span shares half the old one or its words mostly match', () => {
    const record = {
      version: 1 as const,
      nodes: {},
      participants: {},
      excerpts: {
        E1: { source: nameDigest('doc'), span: [0, 40] as [number, number], text: 'old1' },
        E2: { source: nameDigest('doc'), span: [100, 140] as [number, number], text: 'old2' },
      },
    };
    const texts = new Map([
      ['E1', 'I never trust the doses it gives.'],
      ['E2', 'We print everything anyway.'],
    ]);
    const result = assignExcerptIds(
      [
        passage('1'.repeat(32), 'I never trust the doses it suggests.', [2, 44]), // mostly the same span: edited
        passage('2'.repeat(32), 'Something else entirely.', [135, 170]), // overlaps by 5 of 35: new
      ],
      record,
      texts,
    );
    expect(result.ids).toEqual(['E1', 'E22222222']);
    expect([result.edited, result.gone]).toEqual([['E1'], ['E2']]);
  });

  it('keeps the ids of a folder imported before records existed, matching texts in its excerpts.csv', () => {
    const csv = (text: string): RawExcerpt => ({
      idFrom: { content: 'c'.repeat(32) },
      participant: 'p',
      document: 'doc',
      order: [0],
      text,
      codes: [],
    });
    const old = new Map([
      ['E0042', 'It saves me an hour.'],
      ['E0043', 'Nobody asked us about the tool at all.'],
    ]);
    const result = assignExcerptIds(
      [csv('Nobody asked us about the tool at all, really.'), csv('It saves me an hour.')],
      undefined,
      old,
    );
    expect(result.ids).toEqual(['E0043', 'E0042']);
    expect(result.edited).toEqual(['E0043']);
  });
});

describe('positions', () => {
  it('drops a byte-order mark and reads UTF-16 files', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0x69]))).toEqual({
      text: 'hi',
      encoding: 'utf-8 with byte-order mark',
    });
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x68, 0, 0x69, 0]))).toEqual({ text: 'hi', encoding: 'utf-16le' });
    expect(decodeText(new Uint8Array([0xc3, 0x28]))).toEqual({ error: 'the file is not valid utf-8 text' });
  });

  it('slices by code points or UTF-16 units, and refuses half a character', () => {
    const text = 'a😀b\r\nc';
    expect(slicer(text, 'codepoints')(2, 6)).toBe('b\r\nc');
    expect(slicer(text, 'utf16')(3, 7)).toBe('b\r\nc');
    expect(slicer(text, 'utf16')(2, 4)).toEqual({ kind: 'split', at: 2 });
    expect(slicer(text, 'codepoints')(2, 7)).toEqual({ kind: 'outside', length: 6 });
  });
});
