/**
 * The privacy gate and what a team writes: a phone number planted in every field of a study folder
 * that reaches the site (study.yaml, codebook.yaml, participants' shown attributes, narratives,
 * excerpts, lead-ins, brief.yaml) is caught, wherever it lands, downloads included: either the
 * content stage replaces it before anything is written, or the build refuses to publish, naming
 * the file. Generated identifiers (GUIDs, ids) are not refused: see scripts/lib/study-text.test.ts.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { run as buildContentOf } from '../build-content.ts';
import { run } from '../build.ts';
import { findLeaks, type Leak } from '../lib/find-leaks.ts';
import { scanRules } from '../lib/scan.ts';
import { readSiteTexts } from '../lib/scan-texts.ts';

/** A distinct Pakistani mobile number per field, so each can be traced: 0300 1000001, 0300 1000002, ... */
const planted: Record<string, string> = {};
const plant = (field: string) =>
  (planted[field] = `0300 10000${String(Object.keys(planted).length + 1).padStart(2, '0')}`);

const root = mkdtempSync(join(tmpdir(), 'planted-'));
const study = join(root, 'study');
const out = resolve('.build/planted-identifiers');
let built = false;
const errors: string[] = [];
let leaks: Leak[] = [];

/** Plants a number in every field a team writes, in a copy of the school meals fixture. */
function plantEverywhere(): void {
  cpSync('scripts/fixtures/school-meals-study', study, { recursive: true });
  const yamlFile = (name: string, change: (doc: any) => void) => {
    const doc = parse(readFileSync(join(study, name), 'utf8'));
    change(doc);
    writeFileSync(join(study, name), stringify(doc));
  };
  yamlFile('study.yaml', (s) => {
    for (const key of [
      'title',
      'shortTitle',
      'question',
      'design',
      'setting',
      'sampling',
      'analysis',
      'ethics',
      'reflexivity',
    ])
      s[key] = `${s[key] ?? 'Said'} ${plant(`study.yaml ${key}`)}`;
    for (const key of ['objective', 'method', 'results', 'conclusion'])
      s.abstract[key] += ` ${plant(`study.yaml abstract.${key}`)}`;
    s.coreq = { 9: `Framework ${plant('study.yaml coreq')}` };
    s.notReported = [`Duration ${plant('study.yaml notReported')}`];
    s.provenance.notice += ` ${plant('study.yaml provenance.notice')}`;
    s.subject.topic += ` ${plant('study.yaml subject.topic')}`;
    s.subject.keywords.push(`call ${plant('study.yaml subject.keywords')}`);
    s.subject.briefTitle += ` ${plant('study.yaml subject.briefTitle')}`;
    s.privacy = { k: 2, shownAttributes: ['town'] };
  });
  yamlFile('codebook.yaml', (c) => {
    const theme = c.themes[0];
    for (const key of ['label', 'definition', 'summary', 'plainSummary'])
      theme[key] += ` ${plant(`codebook.yaml theme ${key}`)}`;
    for (const key of ['label', 'definition']) theme.subthemes[0][key] += ` ${plant(`codebook.yaml subtheme ${key}`)}`;
    for (const key of ['label', 'definition'])
      theme.subthemes[0].codes[0][key] += ` ${plant(`codebook.yaml code ${key}`)}`;
  });
  const town = plant('participants.csv shown attribute');
  writeFileSync(
    join(study, 'participants.csv'),
    readFileSync(join(study, 'participants.csv'), 'utf8').replaceAll('Northby', `Northby ${town}`),
  );
  writeFileSync(
    join(study, 'themes/budgets.mdx'),
    `${readFileSync(join(study, 'themes/budgets.mdx'), 'utf8')}\nRing ${plant('themes/budgets.mdx narrative')} to ask.\n`,
  );
  writeFileSync(
    join(study, 'excerpts.csv'),
    readFileSync(join(study, 'excerpts.csv'), 'utf8').replace(
      'has not moved in years.',
      `has not moved in years, ring ${plant('excerpts.csv text')}.`,
    ),
  );
  yamlFile('quotes.yaml', (q) => {
    q.budgets[0].lead += ` ${plant('quotes.yaml lead')}`;
  });
  writeFileSync(
    join(study, 'brief.yaml'),
    stringify({
      themes: {
        budgets: { why: `Money ${plant('brief.yaml why')}`, actions: [`Fund ${plant('brief.yaml actions')}`] },
      },
      recommendations: [{ text: `Plan ${plant('brief.yaml recommendations')}`, themes: ['budgets'] }],
    }),
  );
}

beforeAll(async () => {
  plantEverywhere();
  rmSync(`${out}.refused`, { recursive: true, force: true });
  const spy = vi.spyOn(console, 'error').mockImplementation((...line: unknown[]) => {
    errors.push(line.join(' '));
  });
  try {
    built = await run(['--study', study, '--out', out, '--keep-refused']);
  } finally {
    spy.mockRestore();
  }
  // The site the build refused, kept with --keep-refused (a refused build otherwise removes its
  // staging folder, which holds unredacted pages): every leak in it, not only the 50 the build
  // prints, search fragments included, scanned with the build's own rules.
  const generated = join(root, 'generated');
  expect(buildContentOf(['--study', study, '--generated', generated, '--reports', join(root, 'reports')])).toBe(true);
  const rules = scanRules(study, generated, undefined);
  if (existsSync(`${out}.refused`))
    leaks = findLeaks(readSiteTexts(`${out}.refused`), rules.redactions, rules.allowedUrls, rules.generatedIds);
}, 180_000);
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(`${out}.refused`, { recursive: true, force: true });
});

describe('an identifier planted in every field a team writes', () => {
  it('stops the build before anything is published', () => {
    expect(built).toBe(false);
    expect(errors.filter((e) => /^Not publishing: \d+ identifiers found in the built site/.test(e))).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
  });

  it('is caught in every field: refused where it reached the site, replaced where the content stage redacts', () => {
    const found = new Set(leaks.map((l) => l.found));
    const texts = readSiteTexts(`${out}.refused`);
    const outcome = Object.fromEntries(
      Object.entries(planted).map(([field, number]) => [
        field,
        found.has(number) ? 'refused' : texts.some((t) => t.text.includes(number)) ? 'LEAKED' : 'replaced',
      ]),
    );
    expect(Object.entries(outcome).filter(([, o]) => o === 'LEAKED')).toEqual([]);
    // Shown attributes, excerpts and lead-ins are redacted by the content stage; everything else is the gate's.
    expect(
      Object.entries(outcome)
        .filter(([, o]) => o === 'replaced')
        .map(([f]) => f),
    ).toEqual(['participants.csv shown attribute', 'excerpts.csv text', 'quotes.yaml lead']);
  });

  it('is caught in the downloads too: the codebook as .qdc and CSV, the citation file; replaced in the participants file', () => {
    const where = (field: string) => leaks.filter((l) => l.found === planted[field]).map((l) => l.file);
    expect(where('codebook.yaml code definition')).toEqual(
      expect.arrayContaining(['data/codebook.qdc', 'data/codebook.csv']),
    );
    expect(where('codebook.yaml theme label')).toEqual(
      expect.arrayContaining(['data/codebook.qdc', 'data/codebook.csv']),
    );
    for (const file of ['data/participants.csv', 'data/excerpts.csv'])
      expect(readFileSync(join(`${out}.refused`, file), 'utf8')).toContain('Northby [phone number]');
    expect(where('study.yaml subject.keywords')).toEqual(expect.arrayContaining(['data/CITATION.cff']));
  });
});
