/**
 * The codebook exchange file: deterministic, valid against REFI-QDA's Codebook.xsd, and it
 * round-trips through the importer with the same ids, labels, hierarchy, colours and definitions.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { StudyError } from './problems.ts';
import { describe, expect, it } from 'vitest';
import { buildContent } from '../build-content.ts';
import { importStudy } from '../import/import-study.ts';
import { xmllint, xmllintAvailable } from '../import/test-helpers.ts';
import { exportQdc, guidForId } from '../../src/formats/qdc.ts';
import { parseYaml } from './parse-yaml.ts';
import { CodebookSchema, type Codebook } from './schema.ts';
import { readStudyFolder, replaceFolder } from './study-files.ts';

const bundled = parseYaml(
  readFileSync(new URL('../../content/study/codebook.yaml', import.meta.url), 'utf8'),
  'content/study/codebook.yaml',
  CodebookSchema,
).value as Codebook;
const XSD = new URL('../fixtures/import/xsd/Codebook.xsd', import.meta.url).pathname;
const tiny: Codebook = {
  themes: [
    {
      id: 'speed',
      label: 'Speed & "ease"',
      colour: '#0072B2',
      definition: 'Faster <work>.',
      summary: 's',
      plainSummary: 'p',
      subthemes: [
        {
          id: 'time',
          label: 'Time',
          definition: 'Time.',
          codes: [{ id: 'time-saved', label: 'Time saved', definition: 'Line one.\nLine two.' }],
        },
      ],
    },
  ],
};

/** What the round trip must keep: everything but the summaries, which a .qdc cannot hold. */
const comparable = (c: Codebook) =>
  c.themes.map((t) => ({
    id: t.id,
    label: t.label,
    colour: t.colour,
    definition: t.definition,
    subthemes: t.subthemes.map((s) => ({ id: s.id, label: s.label, definition: s.definition, codes: s.codes })),
  }));

const reimport = (qdc: string, knownIds?: string[]) =>
  importStudy({ name: 'codebook.qdc', bytes: new TextEncoder().encode(qdc) }, { year: 2024, knownIds });

describe('exportQdc', () => {
  it('writes nested codes with GUIDs derived from ids, colours and descriptions; same input, same bytes', () => {
    expect(exportQdc(tiny)).toMatchInlineSnapshot(`
      "<?xml version="1.0" encoding="UTF-8"?>
      <CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Qualitative study site (export-qdc)">
        <Codes>
          <Code guid="7f6154ab-752a-5d11-8fc8-f9b8d911b612" name="Speed &amp; &quot;ease&quot;" isCodable="false" color="#0072B2">
            <Description>Faster &lt;work&gt;.</Description>
            <Code guid="53fb2ac2-363e-5abd-bd51-06e42a4e5d8f" name="Time" isCodable="false">
              <Description>Time.</Description>
              <Code guid="83dc238f-32c8-5cb2-b4b7-28f9e11542f7" name="Time saved" isCodable="true">
                <Description>Line one.&#10;Line two.</Description>
              </Code>
            </Code>
          </Code>
        </Codes>
      </CodeBook>
      "
    `);
    expect(exportQdc(structuredClone(bundled))).toBe(exportQdc(bundled));
    expect(guidForId('time-saved')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it.skipIf(!xmllintAvailable())('validates against Codebook.xsd (xmllint)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qdc-'));
    try {
      for (const [name, codebook] of [
        ['bundled.qdc', bundled],
        ['tiny.qdc', tiny],
      ] as const) {
        writeFileSync(join(dir, name), exportQdc(codebook));
        expect(xmllint(XSD, join(dir, name))).toBe(`${join(dir, name)} validates`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('round-trips the bundled codebook: same ids, labels, hierarchy, colours and definitions', () => {
    const ids = bundled.themes.flatMap((t) => [
      t.id,
      ...t.subthemes.flatMap((s) => [s.id, ...s.codes.map((c) => c.id)]),
    ]);
    const result = reimport(exportQdc(bundled), ids);
    expect(comparable(parse(result.files['codebook.yaml']) as Codebook)).toEqual(comparable(bundled));
    expect(result.summary.skipped).toEqual([]);
  });

  it('keeps an id when the code was renamed in the QDA tool, because the GUID was made from it', () => {
    const renamed = exportQdc(tiny).replace('name="Time saved"', 'name="Hours given back"');
    const codes = (parse(reimport(renamed, ['speed', 'time', 'time-saved']).files['codebook.yaml']) as Codebook)
      .themes[0].subthemes[0].codes;
    expect(codes).toEqual([{ id: 'time-saved', label: 'Hours given back', definition: 'Line one.\nLine two.' }]);
  });

  it('without known ids, names become slugs; the folder is refused only for having no data, naming each empty file', () => {
    const result = reimport(exportQdc(tiny));
    expect(
      (parse(result.files['codebook.yaml']) as Codebook).themes.map((t) => [t.id, t.label, t.subthemes[0].codes[0].id]),
    ).toEqual([['speed-ease', 'Speed & "ease"', 'time-saved']]);
    const dir = mkdtempSync(join(tmpdir(), 'qdc-study-'));
    try {
      replaceFolder(join(dir, 'study'), result.files);
      let problems: string[] = [];
      try {
        buildContent(readStudyFolder(join(dir, 'study')));
      } catch (e) {
        problems = (e as StudyError).problems.map((p) => `${p.file.split('/').at(-1)}: ${p.message}`);
      }
      expect(problems).toEqual([
        'excerpts.csv: the file has a header row only, expected at least one row under it',
        'participants.csv: the file has a header row only, expected at least one row under it',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
