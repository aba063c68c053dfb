/**
 * Exports as the tools write them (byte-order marks, CRLF, header spellings, quoting), each one
 * a case a naive importer gets wrong, and ids that do not move from one export to the next.
 */
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Codebook } from '../lib/schema.ts';
import { colourThemes } from '../lib/theme-colours.ts';
import type { StudyFiles } from '../lib/study-files.ts';
import type { InputFile } from './model.ts';
import { RECORD_FILE } from './record.ts';
import { excerpts, rows, run } from './test-helpers.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { zipSync } from 'fflate';

const dir = new URL('../fixtures/', import.meta.url).pathname;
const input = (path: string): InputFile => ({ name: path, bytes: readFileSync(`${dir}${path}`) });
const tree = (files: Record<string, string>) =>
  (parse(files['codebook.yaml']) as Codebook).themes.map((t) => [
    t.id,
    t.subthemes.map((s) => [s.id, s.codes.map((c) => `${c.id}: ${c.label}`)]),
  ]);
/** The files of an import as the folder a re-import reads. */
const folder = (files: Record<string, string>): StudyFiles => ({
  dir: 'study',
  study: files['study.yaml'],
  codebook: files['codebook.yaml'],
  participants: files['participants.csv'],
  excerpts: files['excerpts.csv'],
  quotes: files['quotes.yaml'],
  redactions: files['redactions.yaml'],
  narratives: Object.fromEntries(
    Object.entries(files)
      .filter(([f]) => f.startsWith('themes/'))
      .map(([f, t]) => [f.slice(7, -4), t]),
  ),
});
const byText = (result: ReturnType<typeof run>) =>
  new Map(rows(result, 'excerpts.csv').map((r) => [r.text, [r.id, r.participant]]));

describe('QualCoder coding report', () => {
  // Naive: matches "Trust" (a code) to the category "Trust" of the same name, which makes a
  // spurious "Trust (general)" code and puts the passage on the category.
  it('matches Codename to a code and Category to a category, even when they share a name', () => {
    const result = run(input('import-qualcoder/same-name.csv'), { codebook: input('import-qualcoder/same-name.qdc') });
    expect(tree(result.files)).toEqual([
      ['trust', [['trust-codes', ['trust-2: Trust', 'doubt: Doubt']]]],
      ['workload', [['workload-codes', ['workload-2: Workload']]]],
    ]);
    expect(excerpts(result).map(([, p, c]) => [p, c])).toEqual([
      ['P01', 'trust-2'],
      ['P02', 'doubt'],
      ['P03', 'workload-2'],
    ]);
    expect(result.files['codebook.yaml']).not.toContain('(general)');
  });

  // Naive: accepts only the `File/case` header of development versions, so 3.6-3.8 reports of
  // cases (`Case,Filename,...,CaseVar_...`) fail, and their case attributes never come in.
  it('reads the 3.6-3.8 report of cases: participants are cases, with their CaseVar_ attributes', () => {
    const result = run(input('import-qualcoder/cases.csv'));
    expect(rows(result, 'participants.csv')).toEqual([
      { id: 'P01', role: 'Doctor', years_experience: '7' },
      { id: 'P02', role: 'Nurse', years_experience: '12' },
      { id: 'P03', role: 'Pharmacist', years_experience: '30' },
    ]);
    expect(excerpts(result).map(([, p, , t]) => [p, t])).toEqual([
      ['P01', 'I sign what it drafts.'],
      ['P02', 'We print everything anyway.'],
      ['P02', 'The screen freezes at night.'],
      ['P03', 'It flags the same interaction daily.'],
    ]);
    expect(result.report).toContain('| P02 | Nurse A | 2 |');
    // A report of cases without a Filename column: the case stands for the document.
    const bare = run({
      name: 'cases.csv',
      bytes: new TextEncoder().encode(
        '\uFEFF"Case","Coder","Coded","Id","Codename","Coded_Memo","Category","CaseVar_Role"\r\n"Nurse A","default","We print everything anyway.","ctid:5","Workarounds","","Adoption","Nurse"\r\n',
      ),
    });
    expect(rows(bare, 'participants.csv')).toEqual([{ id: 'P01', role: 'Nurse' }]);
  });

  // Naive: ids from row order (QualCoder sorts rows by code name), so renaming one code
  // reassigns pseudonyms and moves excerpt URLs.
  it('keeps every id when a code is renamed, rows are reordered and rows are added', () => {
    const [one, two] = [run(input('import-qualcoder/round1.csv')), run(input('import-qualcoder/round2.csv'))];
    const [before, after] = [byText(one), byText(two)];
    for (const text of [
      'The alerts never stop.',
      'I check every line twice.',
      'I finish my notes before I go home.',
      'Nobody checks the checker, so we do.',
    ]) {
      expect(after.get(text)).toEqual(before.get(text));
    }
    expect(rows(two, 'participants.csv').map((p) => p.id)).toEqual(['P01', 'P02', 'P03', 'P04', 'P05']);
    expect(after.get('I do not use it at all.')![1]).toBe('P05');
  });

  // Naive: a corrected passage is a new excerpt and a lost one, and its quote dangles.
  it('on a re-import, a passage corrected in the tool keeps its id and is reported as edited', () => {
    const one = run(input('import-qualcoder/round1.csv'));
    const id = byText(one).get('It saves me an hour every evening.')![0];
    const quotes = `workload:\n  - excerpt: ${id}\n`;
    const two = run(input('import-qualcoder/round2.csv'), {
      previous: { ...folder(one.files), quotes },
      record: one.files[RECORD_FILE],
    });
    expect(byText(two).get('It saves me an hour every single evening.')![0]).toBe(id);
    expect(two.files['quotes.yaml']).toBe(quotes);
    expect(two.report).toContain(`### Edited in the tool (same source, overlapping passage): id kept\n\n- ${id}`);
    // The renamed code is a new code in QualCoder's CSV (names are its only identity): the report says so.
    expect(two.report).toContain('- code "time-gained" under "gains"');
    expect(two.report).toContain('- code "time-saved"');
  });
});

describe('Taguette', () => {
  // Naive: a flat list of five tags, the hierarchy of the paths lost; and a header-position
  // reader of the codebook trips on 1.5's "number of documents" column.
  it('builds the code tree from tag paths (a.b, a\\b), with the 1.5 codebook and without one', () => {
    // Taguette's own .qdc is flat, its names the paths, with an empty <Sets/>.
    for (const options of [
      {},
      { codebook: input('import-taguette/codebook.csv') },
      { codebook: input('import-taguette/codebook.qdc') },
    ]) {
      const result = run(input('import-taguette/all_tags.csv'), options);
      expect(tree(result.files)).toEqual([
        [
          'barriers',
          [
            ['cost', ['cost-general: cost (general)', 'fees: fees']],
            ['barriers-codes', ['time: time']],
          ],
        ],
        ['trust', [['trust-codes', ['colleagues: colleagues']]]],
        ['ungrouped', [['ungrouped-codes', ['dr-visits: Dr. visits']]]],
      ]);
      expect(excerpts(result).map(([, , c, t]) => [c, t])).toEqual([
        ['fees;time', 'The fees are too high, honestly.'],
        ['colleagues', 'I ask a colleague first.'],
        ['dr-visits', 'We see the doctor twice a year.'],
        ['cost-general', "It costs a day's pay."],
      ]);
    }
    // Numbered and versioned names are not paths.
    const names = run({
      name: 'all_tags.csv',
      bytes: new TextEncoder().encode(
        'id,document,tag,content\r\n1,a.txt,1.1 Fees,One.\r\n2,a.txt,v2.0,Two.\r\n3,a.txt,Dr.visits,Three.\r\n',
      ),
    });
    expect(tree(names.files)).toEqual([
      ['dr', [['dr-codes', ['visits: visits']]]],
      ['ungrouped', [['ungrouped-codes', ['1-1-fees: 1.1 Fees', 'v2-0: v2.0']]]],
    ]);
    // Taguette's .qdc imported on its own gives the same tree.
    expect(tree(run(input('import-taguette/codebook.qdc')).files).map(([t]) => t)).toEqual([
      'barriers',
      'trust',
      'ungrouped',
    ]);
    const described = run(input('import-taguette/all_tags.csv'), { codebook: input('import-taguette/codebook.csv') });
    expect(described.files['codebook.yaml']).toContain('definition: Fees charged');
  });
});

describe('REFI-QDA', () => {
  // Naive: ATLAS.ti's code groups are ignored, so every code lands in "Ungrouped" and the
  // codes' colours vanish without a word.
  it('makes ATLAS.ti code groups (<Sets>) the grouping of a flat codebook, keeps colours, reports the rest', () => {
    const result = run(input('import-refi/atlas-sets.qde'));
    expect(tree(result.files)).toEqual([
      ['workload', [['workload-codes', ['alert-fatigue: Alert fatigue', 'printing: Printing']]]],
      ['trust', [['trust-codes', ['asking-colleagues: Asking colleagues']]]],
      ['ungrouped', [['ungrouped-codes', ['silence: Silence', 'unclear-roles: Unclear roles']]]],
    ]);
    const themes = (parse(result.files['codebook.yaml']) as Codebook).themes;
    expect(themes.map((t) => [t.id, t.colour, t.definition])).toEqual([
      ['workload', '#D55E00', 'Work the tool adds'],
      ['trust', '#0072B2', 'Definition to be written by the research team.'],
      ['ungrouped', '#009E73', 'Codes that had no parent in the QDA project; move them into themes.'],
    ]);
    expect(result.report).toContain('- code group "Night-shift documents": it holds no codes (only sources or notes)');
    expect(result.report).toContain(
      'Code "Alert fatigue" is in code groups "Workload" and "Trust": it went to the first.',
    );
    expect(result.report).toContain('5 colours of codes that did not become themes were not kept');
  });

  it('makes code groups of a .qdc (ATLAS.ti codebook export) the grouping too', () => {
    const qdc =
      `<?xml version="1.0" encoding="utf-8"?>\r\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="ATLAS.ti 23.2.1"><Codes>` +
      `<Code guid="a7000000-0000-4000-8000-000000000001" name="Alert fatigue" isCodable="true" color="#D55E00"/>` +
      `<Code guid="a7000000-0000-4000-8000-000000000002" name="Silence" isCodable="true"/></Codes>` +
      `<Sets><Set guid="a7900000-0000-4000-8000-000000000001" name="Workload"><MemberCode targetGUID="a7000000-0000-4000-8000-000000000001"/></Set></Sets></CodeBook>\r\n`;
    const result = run({ name: 'codebook.qdc', bytes: new TextEncoder().encode(qdc) });
    expect(tree(result.files)).toEqual([
      ['workload', [['workload-codes', ['alert-fatigue: Alert fatigue']]]],
      ['ungrouped', [['ungrouped-codes', ['silence: Silence']]]],
    ]);
  });

  // Naive: ids from selection GUIDs, which QualCoder draws anew on every export, so every URL
  // moves with each re-export (and sources come in another order).
  it('gives QualCoder projects ids from the passages, the same for two exports with different GUIDs', () => {
    const zip = (folder: string): InputFile => {
      const files: Record<string, Uint8Array> = {};
      for (const f of readdirSync(`${dir}${folder}`, { recursive: true, withFileTypes: true })) {
        if (f.isFile())
          files[`${f.parentPath}/${f.name}`.slice(`${dir}${folder}/`.length)] = readFileSync(
            `${f.parentPath}/${f.name}`,
          );
      }
      return { name: `${folder}.qdpx`, bytes: zipSync(files, { mtime: new Date('2024-01-01T00:00:00Z') }) };
    };
    const [one, two] = ['import-refi/qualcoder-export-1', 'import-refi/qualcoder-export-2'].map((f) => run(zip(f)));
    const ids = (r: ReturnType<typeof run>) =>
      rows(r, 'excerpts.csv')
        .map((e) => `${e.participant} ${e.text} ${e.id}`)
        .sort();
    expect(ids(two)).toEqual(ids(one));
    expect(new Set(rows(one, 'excerpts.csv').map((e) => e.id)).size).toBe(4);
    expect(one.report).toContain(
      "QualCoder 3.6 writes new selection GUIDs on every export: excerpt ids come from each passage's source and text instead",
    );
  });

  // Naive: only internal://, relative:// and absolute:// are known, so the whole import fails.
  it('reads a bare plainTextPath (as qc writes it) from sources/', () => {
    const readExternal = (path: string) => {
      try {
        return readFileSync(`${dir}import-refi/qc/${path}`);
      } catch {
        return undefined;
      }
    };
    expect(excerpts(run(input('import-refi/qc/board.qde'), { readExternal }))).toEqual([
      ['E9C100000', 'P01', 'not-consulted', 'Nobody asked the nurses.'],
    ]);
  });

  // Naive: one theme "Codes" holding everything; "Stress" twice in one subtheme; a derived
  // subtheme id cut at 48 characters loses its "-codes"; a seventh theme gets black.
  it('starts a single-root tree a level down, relabels flattened namesakes, keeps derived ids whole, never paints black', () => {
    const result = run(input('import-refi/one-root.qde'));
    const themes = (parse(result.files['codebook.yaml']) as Codebook).themes;
    expect(themes.map((t) => t.id)).toEqual([
      'how-clinicians-weigh-the-advice-of-decision',
      'workload',
      'theme-1',
      'theme-2',
      'theme-3',
      'theme-4',
      'theme-5',
      'theme-6',
    ]);
    expect(result.report).toContain(
      'The code tree has a single root "Codes": its children became the themes (level 2 of the tool\'s tree).',
    );
    expect(themes[0].subthemes[0].id).toBe('how-clinicians-weigh-the-advice-of-decision-codes');
    expect(themes[1].subthemes[0].codes.map((c) => `${c.id}: ${c.label}`)).toEqual([
      'stress: Night shift › Stress',
      'stress-2: Day shift › Stress',
    ]);
    expect(result.report).toContain(
      'Two codes labelled "Stress" were flattened into subtheme "Workload › Nurses": code "stress" was relabelled "Night shift › Stress".',
    );
    const colours = themes.map((t) => t.colour);
    expect(colours).not.toContain('#000000');
    // Past the palette's six colours the import leaves the colour out, and the pipeline makes one.
    expect(colours.slice(6)).toEqual([undefined, undefined]);
    expect(result.report).toContain(
      'Theme "theme-5" had no colour and the palette is used up: its colour was left out, and the site makes one.',
    );
    const loaded = colourThemes((parse(result.files['codebook.yaml']) as Codebook).themes).themes.map((t) => t.colour);
    expect(loaded.slice(0, 6)).toEqual(colours.slice(0, 6));
    expect(new Set(loaded).size).toBe(8);
    for (const c of loaded) expect(c).toMatch(/^#[0-9A-Fa-f]{6}$/);
  });
});
