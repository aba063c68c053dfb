/**
 * The round trip: import, the team writes (codebook.yaml, quotes, a narrative), the team codes
 * more in the tool and exports again, re-import with --force. Every edit survives, every
 * unchanged passage keeps its id, and the report says what changed. Through the CLI, so the
 * record file and the flags are part of what is tested.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildContent } from '../build-content.ts';
import { run as cli } from '../import.ts';
import { readStudyFolder } from '../lib/study-files.ts';
import type { Codebook } from '../lib/schema.ts';
import { readCsv } from './csv.ts';

const FIXTURES = new URL('../fixtures/import-reimport/', import.meta.url).pathname;
const root = mkdtempSync(join(tmpdir(), 'import-reimport-'));
const dir = join(root, 'study');
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Runs the CLI quietly; returns the exit code and what it printed. */
function importCli(...args: string[]): { code: number; out: string; err: string } {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((m) => {
    out.push(String(m));
  });
  const error = vi.spyOn(console, 'error').mockImplementation((m) => {
    err.push(String(m));
  });
  try {
    return { code: cli(args), out: out.join('\n'), err: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

/** The id of the excerpt with this text in a folder. */
const idOf = (folder: string, text: string) => {
  const [h, ...rows] = readCsv(readFileSync(join(folder, 'excerpts.csv'), 'utf8')).records;
  return rows.find((r) => r.cells[h.cells.indexOf('text')] === text)!.cells[0];
};
const read = (file: string) => readFileSync(join(dir, file), 'utf8');
const excerptRows = () => {
  const [h, ...rows] = readCsv(read('excerpts.csv')).records;
  return rows.map((r) => Object.fromEntries(h.cells.map((c, i) => [c, r.cells[i]])));
};
const idOfText = (start: string) => excerptRows().find((r) => r.text.startsWith(start))!.id;
const codes = () =>
  new Map(
    (parse(read('codebook.yaml')) as Codebook).themes.flatMap((t) =>
      t.subthemes.flatMap((s) => s.codes.map((c) => [c.id, { ...c, theme: t.id, subtheme: s.id }])),
    ),
  );

describe('re-import into a folder the team has edited', () => {
  const first: Record<string, string> = {};
  beforeAll(() => {
    expect(importCli(join(FIXTURES, 'round1.qde'), '--out', dir).code).toBe(0);
    for (const r of excerptRows()) first[r.text] = r.id;
    // The team writes: a label, a definition, a theme's definition and summary, a regrouping.
    const cb = read('codebook.yaml')
      .replace('label: Double checking', 'label: Checking twice')
      .replace('definition: Output was right', 'definition: The output was correct, as the participant judged it.')
      .replace('definition: Trust in AI tools', 'definition: Whether clinicians rely on AI output.')
      .replace(
        'summary: Summary to be written by the research team.',
        'summary: Clinicians trusted AI with letters, not doses.',
      );
    const book = parse(cb) as Codebook;
    // Regroup: "time-saved" moves from Workload › Time to Trust › Oversight.
    const time = book.themes[1].subthemes[0];
    const moved = time.codes.splice(
      time.codes.findIndex((c) => c.id === 'time-saved'),
      1,
    )[0];
    book.themes[0].subthemes[1].codes.push(moved);
    writeFileSync(join(dir, 'codebook.yaml'), JSON.stringify(book, null, 1));
    writeFileSync(
      join(dir, 'quotes.yaml'),
      `# Chosen quotes\ntrust:\n  - excerpt: ${idOfText('It makes mistkes')}\n    lead: On doses\n  - excerpt: ${idOfText('The output was right')}\nworkload:\n  - excerpt: ${idOfText('But the alerts')}\n`,
    );
    writeFileSync(
      join(dir, 'themes/workload.mdx'),
      `Alerts were the new work.\n\n<Quote id="${idOfText('But the alerts')}" />\n\nTime came back in the evenings.\n`,
    );
    writeFileSync(
      join(dir, 'themes/trust.mdx'),
      `Letters yes, doses no.\n\n<Quote id="${idOfText('I trust the tool')}" />\n`,
    );
  });

  it('stops on references to excerpts the new export no longer has, naming file, line and id, and writes nothing', () => {
    const before = read('quotes.yaml');
    const gone = first['But the alerts add work.'];
    const { code, err } = importCli(join(FIXTURES, 'round2.qde'), '--out', dir, '--force');
    expect(code).toBe(1);
    expect(err).toContain(
      `study/quotes.yaml:7: points at excerpt "${gone}", which the new export no longer has; pass --drop-dangling`,
    );
    expect(err).toContain(`study/themes/workload.mdx:3: points at excerpt "${gone}"`);
    expect(read('quotes.yaml')).toBe(before);
  });

  it("with --drop-dangling: keeps every edit and every id, takes the tool's changes, and reports each", () => {
    const { code, out } = importCli(join(FIXTURES, 'round2.qde'), '--out', dir, '--force', '--drop-dangling');
    if (process.env.SHOW_REPORT) console.warn(out);
    expect(code).toBe(0);
    const c = codes();
    // The team's edits survive; the tool's own changes come in; a conflict keeps the team's.
    expect(c.get('double-checking')!.label).toBe('Checking twice');
    expect(c.get('accurate-output')!.definition).toBe('The output was correct, as the participant judged it.');
    expect(c.get('errors-seen')!.label).toBe('Errors noticed');
    expect(c.get('time-saved')!.subtheme).toBe('oversight');
    expect(c.get('burnout')!.subtheme).toBe('time');
    expect(c.has('extra-work')).toBe(false);
    const themes = (parse(read('codebook.yaml')) as Codebook).themes;
    expect(themes.map((t) => [t.id, t.colour, t.definition, t.summary])).toEqual([
      ['trust', '#0072B2', 'Whether clinicians rely on AI output.', 'Clinicians trusted AI with letters, not doses.'],
      ['workload', '#E69F00', 'Work the tool adds or removes', 'Summary to be written by the research team.'],
    ]);
    // Every unchanged passage keeps its id; the corrected one keeps its id too.
    const now = new Map(excerptRows().map((r) => [r.text, r.id]));
    for (const text of [
      'I trust the tool for letters.',
      'I check every line twice.',
      'It saves me an hour each evening.',
      'Nobody checks the checker.',
      'The output was right every time.',
    ]) {
      expect(now.get(text)).toBe(first[text]);
    }
    expect(now.get('It makes mistakes with doses.')).toBe(first['It makes mistkes with doses.']);
    expect(
      excerptRows()
        .map((r) => r.participant)
        .sort(),
    ).toEqual(['P01', 'P01', 'P01', 'P02', 'P02', 'P03', 'P03', 'P04']);
    // Quotes and narratives: the dangling reference is gone, everything else is as written.
    expect(read('quotes.yaml')).toBe(
      `# Chosen quotes\ntrust:\n  - excerpt: ${first['It makes mistkes with doses.']}\n    lead: On doses\n  - excerpt: ${first['The output was right every time.']}\nworkload: []\n`,
    );
    expect(read('themes/workload.mdx')).toBe('Alerts were the new work.\n\n\nTime came back in the evenings.\n');
    expect(read('themes/trust.mdx')).toContain('Letters yes, doses no.');
    // The report: field by field, added and removed codes, excerpts edited, new and gone.
    expect(out).toContain(
      '| accurate-output | definition | CONFLICT: both changed, kept yours | "The output was correct, as the participant judged it." | "Output was correct" |',
    );
    expect(out).toContain('| errors-seen | label | from the export | "Errors seen" | "Errors noticed" |');
    expect(out).toContain('| workload | colour | from the export | "#D55E00" | "#E69F00" |');
    expect(out).toContain('| double-checking | label | kept yours | "Checking twice" | "Double checking" |');
    expect(out).toContain('| time-saved | parent | kept yours | "oversight" | "time" |');
    expect(out).toContain('- code "burnout" under "time"');
    expect(out).toContain('### Gone from the export, removed\n\n- code "extra-work"');
    expect(out).toContain(`5 kept their id unchanged, 1 edited, 2 new, 1 gone.\n\n### New participants\n\n- P04`);
    expect(out).toContain(
      `### Edited in the tool (same source, overlapping passage): id kept\n\n- ${first['It makes mistkes with doses.']}`,
    );
    expect(out).toContain(`- quotes.yaml:7 ${first['But the alerts add work.']}`);
    // And the folder still builds, as the import's own check of it said.
    expect(out).not.toContain('does not validate yet');
    expect(() => buildContent(readStudyFolder(dir))).not.toThrow();
  });

  it('changes nothing when the same export is imported again', () => {
    const before = ['codebook.yaml', 'excerpts.csv', 'participants.csv', 'quotes.yaml', 'import-record.json'].map(read);
    expect(importCli(join(FIXTURES, 'round2.qde'), '--out', dir, '--force').code).toBe(0);
    expect(
      ['codebook.yaml', 'excerpts.csv', 'participants.csv', 'quotes.yaml', 'import-record.json'].map(read),
    ).toEqual(before);
  });

  it('refuses a folder without --force or --overwrite, and --overwrite replaces it with the export alone', () => {
    expect(importCli(join(FIXTURES, 'round2.qde'), '--out', dir, '--force', '--overwrite').err).toContain(
      '--force (merge into the folder) and --overwrite (replace it) exclude each other',
    );
    expect(importCli(join(FIXTURES, 'round2.qde'), '--out', dir).err).toContain('Pass --force to re-import into it');
    expect(importCli(join(FIXTURES, 'round2.qde'), '--out', dir, '--overwrite').code).toBe(0);
    expect(read('quotes.yaml')).not.toContain('On doses');
    expect(codes().get('double-checking')!.label).toBe('Double checking');
  });
});

describe('re-import of an export that lost a theme the team wrote about', () => {
  const other = join(root, 'lost-theme');
  it('stops and names every reference to the theme (quotes, brief, narrative) instead of deleting it', () => {
    expect(importCli(join(FIXTURES, 'round1.qde'), '--out', other).code).toBe(0);
    writeFileSync(join(other, 'quotes.yaml'), 'workload:\n  - excerpt: E1B000001\n');
    writeFileSync(join(other, 'brief.yaml'), 'themes:\n  workload:\n    why: Time matters.\n');
    writeFileSync(join(other, 'themes/workload.mdx'), 'Time came back in the evenings.\n');
    // The tool's export without the Workload code tree and the interview coded with it.
    const round2 = readFileSync(join(FIXTURES, 'round2.qde'), 'utf8')
      .replace(/<Code guid="c0000000-0000-4000-8000-000000000002"[\s\S]*?<\/Code><\/Code><\/Code>/, '')
      .replace(/<TextSource guid="5a000000-0000-4000-8000-000000000002"[\s\S]*?<\/TextSource>\r\n/, '');
    expect(round2).not.toContain('Workload');
    writeFileSync(join(root, 'no-workload.qde'), round2);
    const { code, err } = importCli(join(root, 'no-workload.qde'), '--out', other, '--force', '--drop-dangling');
    expect(code).toBe(1);
    const lines = err
      .split('\n')
      .filter((l) => l.includes('theme "workload"'))
      .map((l) => l.trim().replace(/^.*lost-theme\//, ''));
    expect(lines).toEqual([
      'brief.yaml:2: points at theme "workload", which the new export no longer has; move or delete this reference, then import again',
      'quotes.yaml:1: points at theme "workload", which the new export no longer has; move or delete this reference, then import again',
      'themes/workload.mdx:1: points at theme "workload", which the new export no longer has; move or delete this reference, then import again',
    ]);
    expect(readFileSync(join(other, 'themes/workload.mdx'), 'utf8')).toBe('Time came back in the evenings.\n');
  });
});

describe('files the import does not write', () => {
  const third = join(root, 'history');
  it('are kept byte for byte by --force; --overwrite keeps only the release history', () => {
    expect(importCli(join(FIXTURES, 'round1.qde'), '--out', third).code).toBe(0);
    const gone = idOf(third, 'But the alerts add work.');
    mkdirSync(join(third, 'releases'));
    const manifest = JSON.stringify({ version: '1.0', excerpts: [{ id: gone, hash: '0123456789abcdef' }] });
    writeFileSync(join(third, 'releases/1.0.json'), manifest);
    writeFileSync(join(third, 'withdrawn.yaml'), `${gone}: Withdrawn at the participant's request.\n`);
    writeFileSync(join(third, 'NOTES.md'), 'Our own notes.\n');
    const { code, out } = importCli(join(FIXTURES, 'round2.qde'), '--out', third, '--force');
    expect(code).toBe(0);
    expect(readFileSync(join(third, 'releases/1.0.json'), 'utf8')).toBe(manifest);
    expect(readFileSync(join(third, 'NOTES.md'), 'utf8')).toBe('Our own notes.\n');
    expect(out).toContain(`1 gone excerpt was published by a release (${gone})`);
    // The gone id is retired: no later passage can take it.
    expect(JSON.parse(readFileSync(join(third, 'import-record.json'), 'utf8')).retired).toEqual([gone]);
    expect(importCli(join(FIXTURES, 'round2.qde'), '--out', third, '--overwrite').code).toBe(0);
    expect(readFileSync(join(third, 'withdrawn.yaml'), 'utf8')).toContain(gone);
    expect(existsSync(join(third, 'releases/1.0.json'))).toBe(true);
    expect(existsSync(join(third, 'NOTES.md'))).toBe(false);
  });
});

describe('a quote whose excerpt the tool recoded into another theme', () => {
  const fourth = join(root, 'recoded');
  it("stops with the quote's line and the excerpt's themes now; --drop-dangling drops just that quote", () => {
    expect(importCli(join(FIXTURES, 'round1.qde'), '--out', fourth).code).toBe(0);
    const id = idOf(fourth, 'Nobody checks the checker.');
    writeFileSync(
      join(fourth, 'quotes.yaml'),
      `trust:\n  - excerpt: ${id}\n  - excerpt: ${idOf(fourth, 'I trust the tool for letters.')}\n`,
    );
    // In the new export "Nobody checks the checker." is coded "Time saved" (Workload) instead of "Double checking" (Trust).
    const round2 = readFileSync(join(FIXTURES, 'round2.qde'), 'utf8').replace(
      /(<PlainTextSelection guid="2c000001[^>]*>\s*<Coding[^>]*><CodeRef targetGUID=")c0000000-0000-4000-8000-000000000121/,
      '$1c0000000-0000-4000-8000-000000000211',
    );
    writeFileSync(join(root, 'recoded.qde'), round2);
    const stop = importCli(join(root, 'recoded.qde'), '--out', fourth, '--force');
    expect(stop.code).toBe(1);
    expect(stop.err).toContain(
      `recoded/quotes.yaml:2: quotes excerpt "${id}" under theme "trust", but after this import it is coded with "workload"; move the quote, or pass --drop-dangling to drop it`,
    );
    expect(importCli(join(root, 'recoded.qde'), '--out', fourth, '--force', '--drop-dangling').code).toBe(0);
    expect(readFileSync(join(fourth, 'quotes.yaml'), 'utf8')).toBe(
      `trust:\n  - excerpt: ${idOf(fourth, 'I trust the tool for letters.')}\n`,
    );
  });
});

describe('a team file the build would refuse', () => {
  it("is named in the report, from the build's own checks, though the import goes ahead", () => {
    const fifth = join(root, 'team-error');
    expect(importCli(join(FIXTURES, 'round1.qde'), '--out', fifth).code).toBe(0);
    writeFileSync(join(fifth, 'themes/trust.mdx'), 'Letters yes.\n\n<Chart />\n');
    const { code, out } = importCli(join(FIXTURES, 'round1.qde'), '--out', fifth, '--force');
    expect(code).toBe(0);
    expect(out).toContain('## The folder does not validate yet (1)');
    expect(out).toMatch(/team-error\/themes\/trust\.mdx:3: unknown component <Chart>/);
  });
});

describe("links in the team's prose", () => {
  it("to a code the export dropped, or to a gone excerpt's page, stop the import with file and line", () => {
    const sixth = join(root, 'links');
    expect(importCli(join(FIXTURES, 'round1.qde'), '--out', sixth).code).toBe(0);
    const gone = idOf(sixth, 'But the alerts add work.');
    writeFileSync(
      join(sixth, 'themes/workload.mdx'),
      `Alerts added [work](/themes/workload/#extra-work).\n\nSee [one nurse](/excerpts/${gone}/).\n`,
    );
    const { code, err } = importCli(join(FIXTURES, 'round2.qde'), '--out', sixth, '--force', '--drop-dangling');
    expect(code).toBe(1);
    expect(err).toContain(
      'links/themes/workload.mdx:1: points at code "extra-work", which the new export no longer has; move or delete this reference, then import again',
    );
    expect(err).toContain(
      `links/themes/workload.mdx:3: links to excerpt "${gone}", which the new export no longer has; edit the link, then import again`,
    );
  });
});

describe('a narrative of a theme the team removed from codebook.yaml', () => {
  it('is removed with the theme, its text copied into the report', () => {
    const seventh = join(root, 'dissolved');
    expect(importCli(join(FIXTURES, 'round1.qde'), '--out', seventh).code).toBe(0);
    // The team moves Workload's subtheme under Trust and deletes the Workload theme.
    const book = parse(readFileSync(join(seventh, 'codebook.yaml'), 'utf8')) as Codebook;
    book.themes[0].subthemes.push(...book.themes[1].subthemes);
    book.themes.splice(1, 1);
    writeFileSync(join(seventh, 'codebook.yaml'), JSON.stringify(book));
    writeFileSync(join(seventh, 'themes/workload.mdx'), 'Time came back in the evenings.\n');
    const { code, out } = importCli(join(FIXTURES, 'round1.qde'), '--out', seventh, '--force');
    expect(code).toBe(0);
    expect(out).toContain('### themes/workload.mdx\n\n```mdx\nTime came back in the evenings.\n```');
    expect(out).toContain(
      'Theme "workload" is still in the tool but not in codebook.yaml: it stays out, as you removed it.',
    );
    expect(existsSync(join(seventh, 'themes/workload.mdx'))).toBe(false);
    expect(
      (parse(readFileSync(join(seventh, 'codebook.yaml'), 'utf8')) as Codebook).themes.map((t) => [
        t.id,
        t.subthemes.map((x) => x.id),
      ]),
    ).toEqual([['trust', ['reliability', 'oversight', 'time']]]);
  });
});
