/**
 * Two builds of two studies at once, as two engineers (or two CI jobs) in one checkout would run
 * them: the bundled study and the school meals fixture, each `node scripts/build.ts` in a process
 * of its own into its own output folder. Both succeed, neither waits for the other, each site
 * holds its own study and nothing of the other's, each private report is its own, and neither
 * build touches content/generated (what `npm run dev` shows). What builds may share, they do: the
 * Urdu face's cuts, kept by content hash in the repository's node_modules/.cache.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_DIR, reportsDir, RUNS_DIR } from '../lib/build-folders.ts';
import { listFiles } from '../lib/list-files.ts';
import { readCsvRecords } from '../lib/parse-csv.ts';

const work = mkdtempSync(join(tmpdir(), 'side-by-side-'));
const STUDIES = {
  bundled: { study: 'content/study', out: join(work, 'bundled') },
  meals: { study: 'scripts/fixtures/school-meals-study', out: join(work, 'meals') },
};
type Name = keyof typeof STUDIES;

/** The first column of a CSV file's rows (its ids), sorted. */
const ids = (csv: string) =>
  readCsvRecords(csv)
    .records.slice(1)
    .map((r) => r.cells[0])
    .sort();

/** What a study folder says about itself: its title, theme ids and excerpt ids. */
function studyOf(name: Name): { title: string; themes: string[]; excerpts: string[] } {
  const dir = STUDIES[name].study;
  return {
    title: (parseYaml(readFileSync(join(dir, 'study.yaml'), 'utf8')) as { title: string }).title,
    themes: (parseYaml(readFileSync(join(dir, 'codebook.yaml'), 'utf8')) as { themes: { id: string }[] }).themes.map(
      (t) => t.id,
    ),
    excerpts: ids(readFileSync(join(dir, 'excerpts.csv'), 'utf8')),
  };
}

/** One build process: its exit code, its output, and when (ms) its Astro stage began and ended. */
interface Run {
  code: number | null;
  output: string;
  astroFrom: number;
  astroTo: number;
}

/** Runs `node scripts/build.ts` for one study, noting when its Astro stage runs. */
function build(name: Name): Promise<Run> {
  const { study, out } = STUDIES[name];
  const env = { ...process.env, SITE_URL: '' };
  const child = spawn(process.execPath, ['scripts/build.ts', '--study', study, '--out', out], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const run: Run = { code: null, output: '', astroFrom: 0, astroTo: 0 };
  const read = (chunk: Buffer) => {
    const text = chunk.toString();
    run.output += text;
    // The content stage's last line comes just before Astro starts; its timing line once it has exited.
    if (!run.astroFrom && /^\[build\] content: /m.test(text)) run.astroFrom = Date.now();
    if (!run.astroTo && /^\[build\] astro build: /m.test(text)) run.astroTo = Date.now();
  };
  child.stdout.on('data', read);
  child.stderr.on('data', read);
  return new Promise((done, fail) => child.on('error', fail).on('close', (code) => done({ ...run, code })));
}

/** content/generated as it is: its files with their modification times (absent: none). */
function generatedState(): string[] {
  const dir = 'content/generated';
  return existsSync(dir) ? listFiles(dir).map((f) => `${f} ${statSync(join(dir, f)).mtimeMs}`) : [];
}

/** Where the site's Urdu cuts are cached (src/lib/urdu-font.ts); set aside during these builds. */
const URDU_CACHE = join(REPO_DIR, 'node_modules', '.cache', 'urdu-font');
const ASIDE = `${URDU_CACHE}.aside-${process.pid}`;

const runs = {} as Record<Name, Run>;
let before: string[];
beforeAll(async () => {
  before = generatedState();
  if (existsSync(URDU_CACHE)) renameSync(URDU_CACHE, ASIDE);
  [runs.bundled, runs.meals] = await Promise.all([build('bundled'), build('meals')]);
}, 240_000);
afterAll(() => {
  // The cuts set aside go back beside those these builds made.
  mkdirSync(URDU_CACHE, { recursive: true });
  for (const file of existsSync(ASIDE) ? readdirSync(ASIDE) : []) {
    if (!existsSync(join(URDU_CACHE, file))) renameSync(join(ASIDE, file), join(URDU_CACHE, file));
  }
  rmSync(ASIDE, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
  for (const { out } of Object.values(STUDIES)) rmSync(reportsDir(out), { recursive: true, force: true });
});

describe('two builds of two studies at once', () => {
  it('both succeed, neither waiting for the other: their Astro stages overlap', () => {
    for (const name of ['bundled', 'meals'] as const) expect(runs[name].code, runs[name].output).toBe(0);
    expect(runs.bundled.output + runs.meals.output).not.toMatch(/waiting for/);
    const { bundled: a, meals: b } = runs;
    expect(a.astroFrom < b.astroTo && b.astroFrom < a.astroTo, JSON.stringify({ a, b }, ['astroFrom', 'astroTo'])).toBe(
      true,
    );
  });

  it('each site holds its own study: title, themes, excerpts and search index', () => {
    for (const [name, other] of [
      ['bundled', 'meals'],
      ['meals', 'bundled'],
    ] as const) {
      const site = STUDIES[name].out;
      const own = studyOf(name);
      const theirs = studyOf(other);
      const home = readFileSync(join(site, 'index.html'), 'utf8');
      expect(home, name).toContain(own.title.split(':')[0]);
      expect(home, name).not.toContain(theirs.title.split(':')[0]);
      const themes = readdirSync(join(site, 'themes'), { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name);
      expect(themes.sort(), name).toEqual([...own.themes].sort());
      expect(ids(readFileSync(join(site, 'data', 'excerpts.csv'), 'utf8')), name).toEqual(own.excerpts);
      const pages = readdirSync(join(site, 'excerpts'), { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name);
      // (Withdrawn excerpts keep a page saying so: the bundled study has one.)
      expect(pages, name).toEqual(expect.arrayContaining(own.excerpts));
      expect(
        pages.filter((id) => theirs.excerpts.includes(id) && !own.excerpts.includes(id)),
        name,
      ).toEqual([]);
      const entry = JSON.parse(readFileSync(join(site, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
        languages: Record<string, { page_count: number }>;
      };
      expect(
        Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0),
        name,
      ).toBe(own.excerpts.length);
    }
  });

  it('each writes its own private report, and says where', () => {
    for (const name of ['bundled', 'meals'] as const) {
      const report = join(reportsDir(STUDIES[name].out), 'anonymization-report.json');
      expect(runs[name].output).toContain(`private report in ${reportsDir(STUDIES[name].out)}/`);
      expect((JSON.parse(readFileSync(report, 'utf8')) as { study: string }).study).toMatch(
        new RegExp(`${STUDIES[name].study}$`),
      );
    }
  });

  it("keeps the Urdu cuts it made in the repository's cache (not in its run folder), for the next build", () => {
    const served = readdirSync(join(STUDIES.bundled.out, 'fonts', 'urdu')).filter((f) => f.endsWith('.woff2'));
    expect(served.length).toBeGreaterThan(0);
    const cached = readdirSync(URDU_CACHE).map((f) => readFileSync(join(URDU_CACHE, f)));
    for (const file of served) {
      const bytes = readFileSync(join(STUDIES.bundled.out, 'fonts', 'urdu', file));
      expect(
        cached.some((c) => c.equals(bytes)),
        file,
      ).toBe(true);
    }
  });

  it('leaves content/generated as it was, and no folder of either run behind', () => {
    expect(generatedState()).toEqual(before);
    expect(readdirSync(work).sort()).toEqual(['bundled', 'meals']);
    const left = existsSync(RUNS_DIR) ? readdirSync(RUNS_DIR) : [];
    expect(left.filter((run) => runs.bundled.output.includes(run) || runs.meals.output.includes(run))).toEqual([]);
  });
});
