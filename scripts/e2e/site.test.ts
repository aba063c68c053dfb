/**
 * The built bundled site shows every theme, code and excerpt, with numbers that match the data
 * (recomputed here from the raw study folder, not read from the pipeline's output).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseHtml } from 'node-html-parser';
import { parse as parseYaml } from 'yaml';
import { describe, expect, inject, it } from 'vitest';
import { parseCsv } from '../lib/parse-csv.ts';
import { listFiles } from '../lib/list-files.ts';
import { readSiteTexts } from '../lib/scan-texts.ts';

const dir = inject('siteDir');
const page = (path: string) => parseHtml(readFileSync(join(dir, path, 'index.html'), 'utf8'));
const text = (s: string) => s.replace(/\s+/g, ' ').trim();

const codebook = parseYaml(readFileSync('content/study/codebook.yaml', 'utf8')) as {
  themes: {
    id: string;
    label: string;
    subthemes: { id: string; label: string; codes: { id: string; label: string }[] }[];
  }[];
};
const rows = parseCsv(readFileSync('content/study/excerpts.csv', 'utf8'), 'excerpts.csv', []).rows.map((r) => r.cells);
const participants = parseCsv(readFileSync('content/study/participants.csv', 'utf8'), 'participants.csv', []).rows
  .length;
const themeOf = new Map(codebook.themes.flatMap((t) => t.subthemes.flatMap((s) => s.codes.map((c) => [c.id, t.id]))));

describe('the built site', () => {
  it('has a page per theme that says how many participants voiced it, and lists every code with its count', () => {
    for (const theme of codebook.themes) {
      const html = page(`themes/${theme.id}`);
      const hits = rows.filter((r) => r.codes.split(';').some((c) => themeOf.get(c) === theme.id));
      const voiced = new Set(hits.map((r) => r.participant)).size;
      expect(text(html.querySelector('main')!.text)).toContain(
        `Voiced by ${voiced} of ${participants} participants, in ${hits.length} of ${rows.length} excerpts`,
      );
      const table = html
        .querySelectorAll('main table tbody tr')
        .map((tr) => tr.querySelectorAll('td').map((td) => text(td.text)));
      for (const code of theme.subthemes.flatMap((s) => s.codes)) {
        const coded = rows.filter((r) => r.codes.split(';').includes(code.id));
        expect(table, code.id).toContainEqual([
          code.label,
          expect.any(String),
          `${new Set(coded.map((r) => r.participant)).size} of ${participants}`,
          String(coded.length),
        ]);
      }
    }
  });

  it('has a permalink for every excerpt, showing its anonymized text, descriptor and themes', () => {
    for (const r of rows) {
      expect(existsSync(join(dir, 'excerpts', r.id, 'index.html')), r.id).toBe(true);
    }
    const e = page('excerpts/E0156');
    expect(e.querySelector('[data-excerpt-text]')!.text).toContain('ask the whole questionnaire again');
    expect(e.querySelector('.original')!.getAttribute('lang')).toBe('ur');
    expect(e.querySelector('.original')!.getAttribute('dir')).toBe('rtl');
    expect(text(e.querySelector('figcaption')!.text)).toBe('P02, Mental health · Public · 10 years or more');
  });

  it('reaches every excerpt without JavaScript through the paginated lists by theme', () => {
    const listed = new Set<string>();
    for (const theme of codebook.themes) {
      let path: string | undefined = `themes/${theme.id}/excerpts`;
      while (path) {
        const html = page(path);
        html.querySelectorAll('[data-excerpt]').forEach((el) => listed.add(el.getAttribute('data-excerpt')!));
        const next = html.querySelector('a[rel="next"]')?.getAttribute('href');
        path = next?.replace(/^\//, '').replace(/\/$/, '');
      }
    }
    expect([...listed].sort()).toEqual(rows.map((r) => r.id).sort());
  });

  it('gives every id once on every page, and a subtheme link leads to its section', () => {
    const pages = listFiles(dir).filter((f) => f.endsWith('.html'));
    const repeated: string[] = [];
    for (const file of pages) {
      const ids = [...readFileSync(join(dir, file), 'utf8').matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]);
      for (const id of new Set(ids.filter((id, i) => ids.indexOf(id) !== i))) repeated.push(`${file}: ${id}`);
    }
    expect(repeated).toEqual([]);
    // The theme map links a subtheme to #<its id> on its theme page: that id is its section's heading.
    for (const theme of codebook.themes)
      for (const sub of theme.subthemes)
        expect(text(page(`themes/${theme.id}`).getElementById(sub.id)!.text), sub.id).toBe(sub.label);
  });

  it('never publishes a redacted name, in any built file', () => {
    const redactions = parseYaml(readFileSync('content/study/redactions.yaml', 'utf8')) as { term?: string }[];
    const terms = redactions.flatMap((r) => (r.term ? [r.term] : []));
    const html = [...rows.map((r) => `excerpts/${r.id}`), ...codebook.themes.map((t) => `themes/${t.id}`)]
      .map((p) => readFileSync(join(dir, p, 'index.html'), 'utf8'))
      .join('\n');
    expect(terms.length).toBeGreaterThan(10);
    for (const t of terms) expect(html.includes(t), t).toBe(false);
  });

  it('indexes only excerpt text for search, never page chrome', () => {
    const fragments = readSiteTexts(dir).filter((t) => t.file.endsWith('.pf_fragment'));
    expect(fragments.length).toBe(rows.length);
    for (const f of fragments)
      expect(f.text).not.toMatch(/Skip to content|About this data|Cite this excerpt|In the same interview/);
  });

  it('shows the illustrative notice on every page and the participants page only as aggregates', () => {
    for (const p of ['', 'themes', 'methods', 'participants', 'about', 'excerpts', 'excerpts/E0001']) {
      expect(page(p).querySelector('.notice')?.text, p).toContain('Illustrative data');
    }
    const people = page('participants').querySelector('main')!.text;
    expect(people).not.toMatch(/P\d\d/);
  });
});
