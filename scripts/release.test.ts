/**
 * `npm run release` on a copy of the tiny study: release, change the study (add, edit, withdraw,
 * rename, a new redaction), release again; what the second release records, what it scrubs from
 * the first, and what it refuses.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildContent } from './build-content.ts';
import { StudyError } from './lib/problems.ts';
import { ManifestSchema, compareReleases, type Manifest } from './lib/releases.ts';
import { readStudyFolder } from './lib/study-files.ts';
import { ReleaseError, release } from './release.ts';

let dir: string;
const quiet = () => {};
const file = (name: string) => join(dir, name);
const read = (name: string) => readFileSync(file(name), 'utf8');
const manifest = (v: string) => ManifestSchema.parse(JSON.parse(read(`releases/${v}.json`))) as Manifest;
const rel = (version: string, extra: Partial<Parameters<typeof release>[0]> = {}) =>
  release({ study: dir, version, date: '2026-01-15', deposit: false, log: quiet, ...extra });

/** Appends a row to excerpts.csv. */
const addExcerpt = (row: string) => writeFileSync(file('excerpts.csv'), `${read('excerpts.csv').trimEnd()}\n${row}\n`);
/** Removes the row of an excerpt id from excerpts.csv. */
const dropExcerpt = (id: string) =>
  writeFileSync(
    file('excerpts.csv'),
    read('excerpts.csv')
      .split('\n')
      .filter((l) => !l.startsWith(`${id},`))
      .join('\n'),
  );

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'release-'));
  cpSync('scripts/fixtures/tiny-study', dir, { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Release 1.0, then: add E0011, edit E0001's text, withdraw E0005 (with a reason), rename "Time saved", redact "honestly". */
function changeAfterFirstRelease() {
  rel('1.0', { date: '2026-01-15' });
  addExcerpt('E0011,P03,9,time-saved,"The evening notes take ten minutes now.",,');
  writeFileSync(
    file('excerpts.csv'),
    read('excerpts.csv').replace('gave me back an hour every evening', 'gave me back a full hour every evening'),
  );
  dropExcerpt('E0005');
  writeFileSync(file('withdrawn.yaml'), 'E0005: the participant withdrew consent\n');
  writeFileSync(file('codebook.yaml'), read('codebook.yaml').replace('label: Time saved', 'label: Hours saved'));
  writeFileSync(file('redactions.yaml'), `${read('redactions.yaml')}- term: honestly\n  replacement: "[a word]"\n`);
}

describe('npm run release', () => {
  it('records what the site publishes: anonymized text, pseudonyms, codes, theme counts', () => {
    rel('1.0');
    const m = manifest('1.0');
    expect(m).toMatchObject({ version: '1.0', date: '2026-01-15', counts: { excerpts: 10, themes: 2 } });
    const e2 = m.excerpts.find((e) => e.id === 'E0002')!;
    expect(e2.text).toContain('[a senior colleague]');
    expect(e2.text).not.toContain('Canary');
    expect(e2).toMatchObject({
      participant: 'P01',
      codes: expect.arrayContaining(['wrong-output', 'double-checking']),
    });
    expect(m.themes.map((t) => t.id)).toEqual(['speed', 'doubt']);
  });

  it('lists exactly the changes of the second release, and scrubs the first', () => {
    const before = read('excerpts.csv')
      .split('\n')
      .find((l) => l.startsWith('E0005,'))!;
    const withdrawnWords = before.split(',"')[1].split('"')[0];
    changeAfterFirstRelease();
    rel('1.1', { date: '2026-02-01' });
    const [m10, m11] = [manifest('1.0'), manifest('1.1')];
    const c = compareReleases(m10, m11, { E0005: 'the participant withdrew consent' });
    expect(c.excerpts.added).toEqual(['E0011']);
    expect(c.excerpts.withdrawn).toEqual([{ id: 'E0005', reason: 'the participant withdrew consent' }]);
    expect(c.excerpts.edited.map((e) => e.id)).toEqual(['E0001']);
    expect(c.excerpts.edited[0].diff.filter((p) => p.added).map((p) => p.value.trim())).toEqual(['a full']);
    expect(c.excerpts.redacted).toEqual(['E0001']);
    expect(c.excerpts.recoded).toEqual([]);
    expect(c.codes).toEqual({
      added: [],
      removed: [],
      moved: [],
      renamed: [{ id: 'time-saved', from: 'Time saved', to: 'Hours saved' }],
    });
    // The withdrawn excerpt keeps only its id and hash in 1.0; the new redaction reaches 1.0's text.
    expect(m10.excerpts.find((e) => e.id === 'E0005')).toEqual({
      id: 'E0005',
      hash: expect.stringMatching(/^[0-9a-f]{16}$/),
      withdrawn: true,
    });
    expect(read('releases/1.0.json')).not.toContain(withdrawnWords);
    expect(read('releases/1.0.json')).not.toMatch(/honestly/i);
    expect(m10.excerpts.find((e) => e.id === 'E0001')).toMatchObject({ redactedIn: '1.1' });
    // Unchanged excerpts keep their ids and text.
    expect(m11.excerpts.find((e) => e.id === 'E0002')!.text).toBe(m10.excerpts.find((e) => e.id === 'E0002')!.text);
  });

  it('the build then shows version 1.1, a tombstone for the withdrawn id and the edit on the excerpt', () => {
    changeAfterFirstRelease();
    rel('1.1', { date: '2026-02-01' });
    const out = buildContent(readStudyFolder(dir));
    const site = JSON.parse(out.generated['site.json']);
    expect(site.release).toMatchObject({ version: '1.1', unreleased: false, citeAs: '1.1' });
    expect(JSON.parse(out.generated['tombstones.json'])).toEqual([
      { id: 'E0005', withdrawnIn: '1.1', reason: 'the participant withdrew consent' },
    ]);
    const e1 = JSON.parse(out.generated['excerpts.json']).find((e: { id: string }) => e.id === 'E0001');
    expect(e1.changed.version).toBe('1.1');
    // A change after the release makes the build say so.
    addExcerpt('E0012,P03,10,time-saved,"Another evening saved.",,');
    const later = JSON.parse(buildContent(readStudyFolder(dir)).generated['site.json']);
    expect(later.release).toMatchObject({ version: '1.1', unreleased: true, citeAs: '1.1, with unreleased changes' });
  });

  it('refuses to rewrite a version, and a version that is not after the latest', () => {
    rel('1.0');
    const text = read('releases/1.0.json');
    expect(() => rel('1.0')).toThrow(/release 1\.0 exists/);
    expect(() => rel('0.9')).toThrow(/not after the latest release 1\.0/);
    expect(read('releases/1.0.json')).toBe(text);
  });

  it('refuses a withdrawal without a reason in withdrawn.yaml, naming the id', () => {
    rel('1.0');
    dropExcerpt('E0005');
    expect(() => rel('1.1')).toThrow(/withdrawn\.yaml: excerpt E0005 was in release 1\.0 and is gone now/);
    expect(existsSync(file('releases/1.1.json'))).toBe(false);
  });

  it('refuses an id that was withdrawn and comes back', () => {
    changeAfterFirstRelease();
    rel('1.1');
    rmSync(file('withdrawn.yaml'));
    addExcerpt('E0005,P03,11,time-saved,"New words under an old id.",,');
    expect(() => rel('1.2')).toThrow(/E0005 was withdrawn in version 1\.1 and cannot be published again/);
    expect(() => buildContent(readStudyFolder(dir))).toThrow(StudyError);
  });

  it('refuses a manifest that fails the privacy scan', () => {
    // The scan matches a listed term inside a longer word, where the anonymizer (whole words only) does not replace it.
    writeFileSync(file('redactions.yaml'), `${read('redactions.yaml')}- term: Zafar\n  replacement: "[a colleague]"\n`);
    writeFileSync(file('excerpts.csv'), read('excerpts.csv').replace('honestly', 'honestly, said Zafarullah'));
    expect(() => rel('1.0')).toThrow(ReleaseError);
    expect(() => rel('1.0')).toThrow(/privacy scan finds redactions\.yaml entry 4 \("Zafar"\)/);
    expect(existsSync(file('releases/1.0.json'))).toBe(false);
  });

  it('records a DOI, once', () => {
    rel('1.0');
    rel('1.0', { doi: '10.5281/zenodo.1234567' });
    expect(manifest('1.0').doi).toBe('10.5281/zenodo.1234567');
    expect(() => rel('1.0', { doi: '10.5281/zenodo.7654321' })).toThrow(
      /already records DOI 10\.5281\/zenodo\.1234567/,
    );
    expect(() => rel('2.0', { doi: '10.5281/zenodo.1' })).toThrow(/no release 2\.0/);
  });
});

describe('the build checks the committed manifests', () => {
  it('refuses a manifest holding text the current redactions would change, naming the file and excerpt', () => {
    rel('1.0');
    writeFileSync(file('redactions.yaml'), `${read('redactions.yaml')}- term: honestly\n  replacement: "[a word]"\n`);
    let error: StudyError | undefined;
    try {
      buildContent(readStudyFolder(dir));
    } catch (e) {
      error = e as StudyError;
    }
    expect(error?.problems.map((p) => `${p.file.split('/').slice(-2).join('/')} ${p.field}`)).toEqual([
      'releases/1.0.json excerpt E0001 text',
    ]);
    expect(error?.problems[0].message).toMatch(/npm run release -- --scrub/);
    // --scrub fixes it without a new version.
    release({ study: dir, scrub: true, log: quiet });
    expect(() => buildContent(readStudyFolder(dir))).not.toThrow();
    expect(read('releases/1.0.json')).not.toMatch(/honestly/i);
  });

  it('refuses a manifest that is not one, with the file and field', () => {
    rel('1.0');
    writeFileSync(file('releases/1.0.json'), read('releases/1.0.json').replace('"version": "1.0"', '"version": "one"'));
    expect(() => buildContent(readStudyFolder(dir))).toThrow(/releases\/1\.0\.json version: a version like 1\.0/);
  });
});
