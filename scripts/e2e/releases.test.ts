/**
 * Releases on built sites: the bundled study's 1.0 and 1.1 (pages, tombstone, changed excerpt,
 * version in footer, CITATION.cff and downloads), and a tiny study released twice with a
 * withdrawal, whose withdrawn words must appear nowhere in its built site, search index included.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse as parseHtml } from 'node-html-parser';
import { parse as parseYaml } from 'yaml';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { run } from '../build.ts';
import { release } from '../release.ts';
import { readSiteTexts } from '../lib/scan-texts.ts';

const dir = inject('siteDir');
const page = (path: string) => parseHtml(readFileSync(join(dir, path), 'utf8'));
const text = (path: string) => page(path).querySelector('main')!.textContent.replace(/\s+/g, ' ');

describe('the bundled study\u2019s releases', () => {
  it('lists both releases, newest first, each with what changed', () => {
    const items = page('releases/index.html')
      .querySelectorAll('.release-list li')
      .map((li) => li.textContent.replace(/\s+/g, ' '));
    expect(items[0]).toMatch(
      /Version 1\.1.*Released 20 November 2026.*Since 1\.0: .*12 excerpts added; 1 withdrawn; 1 edited; 2 redacted/,
    );
    expect(items[1]).toMatch(/Version 1\.0.*First release: 343 excerpts/);
  });

  it('says on /releases/1.1/ what changed since 1.0: headline first, then the detail', () => {
    const t = text('releases/1.1/index.html');
    expect(page('releases/1.1/index.html').querySelector('[data-release-headline]')!.textContent).toMatch(
      /^Since version 1\.0: .*12 excerpts added; 1 withdrawn/,
    );
    expect(t).toMatch(/Withdrawn: E0373 \(The participant asked/);
    expect(t).toMatch(/Redacted in 1\.1 .*: E0327, E0347/);
    expect(t).toContain('Renamed: “Co-design” → “Designed with clinicians”');
    expect(t).toMatch(/Balancing innovation with safeguards\s*11 → 11 of 22\s*74 → 86/);
    const diff = page('releases/1.1/index.html').querySelector('.word-diff')!;
    expect(
      diff.querySelectorAll('ins').map((n) => n.textContent.replace('[added: ', '').replace(']', '').trim()),
    ).toEqual(['labelled']);
    expect(
      diff.querySelectorAll('del').map((n) => n.textContent.replace('[removed: ', '').replace(']', '').trim()),
    ).toEqual(['of', 'called']);
  });

  it('keeps a page for the withdrawn id, with when and why and none of its words', () => {
    const t = text('excerpts/E0373/index.html');
    expect(t).toMatch(/Withdrawn in version 1\.1 \(20 November 2026\)\.\s*Reason: The participant asked/);
    expect(page('excerpts/E0373/index.html').querySelector('blockquote')).toBeNull();
    expect(page('excerpts/E0373/index.html').querySelector('figcaption')).toBeNull();
  });

  it('shows an edited excerpt\u2019s change and the version of its text', () => {
    const t = text('excerpts/E0100/index.html');
    expect(t).toContain('Text as published in version 1.1.');
    expect(t).toContain('Changed in version 1.1');
    expect(text('excerpts/E0327/index.html')).toMatch(
      /Redacted in 1\.1: a new redaction changed the published text\. The earlier words are not shown\./,
    );
    expect(text('excerpts/E0001/index.html')).not.toContain('Changed in version');
  });

  it('names the version in the footer, CITATION.cff and every download', () => {
    expect(page('index.html').querySelector('[data-site-version]')!.textContent).toMatch(
      /^Version 1\.1, released 20 November 2026\./,
    );
    const cff = parseYaml(readFileSync(join(dir, 'data/CITATION.cff'), 'utf8'));
    expect(cff).toMatchObject({ version: '1.1', 'date-released': '2026-11-20' });
    expect(JSON.parse(readFileSync(join(dir, 'data/excerpts.json'), 'utf8')).about.version).toBe('1.1');
    for (const csv of ['excerpts.csv', 'codebook.csv', 'participants.csv', 'data-dictionary.csv']) {
      const [header, first] = readFileSync(join(dir, 'data', csv), 'utf8').split('\r\n');
      const i = header.split(',').indexOf('version');
      expect(i, csv).toBeGreaterThan(-1);
      expect(first.split(',').at(i - header.split(',').length), csv).toBe('1.1');
    }
    expect(readFileSync(join(dir, 'data/codebook.qdc'), 'utf8')).toContain('Data version: 1.1.');
  });
});

describe('a withdrawn excerpt on a built site', () => {
  const study = mkdtempSync(join(tmpdir(), 'withdrawn-'));
  const out = resolve(`.build/withdrawn-site-${process.pid}`);
  afterAll(() => {
    rmSync(study, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  });

  it('leaves none of its words in pages, downloads or the decompressed search index', async () => {
    cpSync('scripts/fixtures/tiny-study', study, { recursive: true });
    const words = 'The cardiology unit pilot made me rethink quitting altogether';
    const csv = readFileSync(join(study, 'excerpts.csv'), 'utf8').trimEnd();
    writeFileSync(join(study, 'excerpts.csv'), `${csv}\nE0011,P03,9,time-saved,"${words}.",,\n`);
    release({ study, version: '1.0', date: '2026-01-15', deposit: false, log: () => {} });
    writeFileSync(join(study, 'excerpts.csv'), `${csv}\n`);
    writeFileSync(join(study, 'withdrawn.yaml'), 'E0011: withdrawn at the participant\u2019s request\n');
    const { deposit } = release({
      study,
      version: '1.1',
      date: '2026-02-01',
      depositDir: join(study, 'deposit'),
      log: () => {},
    });
    // The deposit package: the downloads of 1.1 as a zip, and Zenodo's deposition metadata.
    const zip = unzipSync(readFileSync(join(deposit!, 'downloads-1.1.zip')));
    expect(Object.keys(zip).sort()).toEqual([
      'CITATION.cff',
      'citation.bib',
      'citation.json',
      'citation.ris',
      'codebook.csv',
      'codebook.qdc',
      'data-dictionary.csv',
      'excerpts.csv',
      'excerpts.json',
      'participants.csv',
    ]);
    expect(strFromU8(zip['excerpts.json'])).toContain('"version": "1.1"');
    expect(strFromU8(zip['excerpts.csv'])).not.toMatch(/rethink quitting/);
    const { metadata } = JSON.parse(readFileSync(join(deposit!, 'zenodo-deposit.json'), 'utf8'));
    expect(metadata).toMatchObject({
      upload_type: 'dataset',
      version: '1.1',
      publication_date: '2026-02-01',
      related_identifiers: [{ identifier: '10.1234/fixture.2024.1', relation: 'isSupplementTo', scheme: 'doi' }],
    });
    expect(JSON.parse(readFileSync(join(deposit!, '.zenodo.json'), 'utf8'))).toEqual(metadata);
    expect(await run(['--study', study, '--out', out])).toBe(true);
    const texts = readSiteTexts(out);
    expect(texts.some((t) => t.file.startsWith('pagefind/') && t.file.endsWith('.pf_fragment'))).toBe(true);
    expect(texts.filter((t) => /rethink quitting|cardiology unit pilot/i.test(t.text)).map((t) => t.file)).toEqual([]);
    expect(readFileSync(join(out, 'excerpts/E0011/index.html'), 'utf8')).toContain('withdrawn at the participant');
    expect(readFileSync(join(study, 'releases/1.0.json'), 'utf8')).not.toContain('rethink');
  }, 120_000);
});
