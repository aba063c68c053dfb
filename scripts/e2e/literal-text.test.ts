/**
 * Data text is never spliced into MDX or HTML as source: `{`, `<`, backticks, `import` and
 * `<script>` in codebook labels, definitions and excerpts render literally. Builds the tiny
 * fixture study, whose data carries all of them, into its own folder.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../build.ts';

const out = resolve('.build/tiny-site');
const html = (path: string) => readFileSync(join(out, path, 'index.html'), 'utf8');

describe('a study whose data looks like code', () => {
  beforeAll(async () => {
    expect(await run(['--study', 'scripts/fixtures/tiny-study', '--out', out])).toBe(true);
  }, 120_000);

  it('shows codebook labels and definitions literally in the generated codes table', () => {
    const cells = parse(html('themes/speed')).querySelectorAll('td').map((td) => td.text);
    expect(cells).toContain('Less paperwork {and <forms>}');
    expect(cells).toContain('Notes drafted by `the tool`; import nothing | pipes stay');
  });

  it('shows excerpt text with markup and script tags as text, on the permalink and in quotes', () => {
    const page = html('excerpts/E0004');
    expect(parse(page).querySelectorAll('script').map((el) => el.text).join('')).not.toContain('alert');
    expect(parse(page).querySelector('[data-excerpt-text]')!.text).toBe('If it is wrong, who is blamed? Me, not the software. <script>alert(1)</script>');
    expect(parse(html('excerpts/E0003')).querySelector('[data-excerpt-text]')!.text).toBe('Discharge summaries write themselves now, {which} is <b>odd</b> but `nice`.');
    expect(parse(html('excerpts/E0007')).querySelector('[data-excerpt-text]')!.text).toContain("import { x } from 'y'");
    const quotes = parse(html('themes/speed')).querySelectorAll('figure.quote blockquote').map((b) => b.text.trim());
    expect(quotes).toContain('Discharge summaries write themselves now, {which} is <b>odd</b> but `nice`.');
  });

  it('applies redactions to excerpts, Urdu originals and lead-ins', () => {
    expect(parse(html('excerpts/E0002')).querySelector('[data-excerpt-text]')!.text).toContain('[a senior colleague] showed us');
    expect(parse(html('excerpts/E0004')).querySelector('.original')!.text).toContain('[a senior colleague]');
    expect(parse(html('themes/speed')).querySelector('.lead')!.text).toBe('A clinician at [a district hospital] described the evenings.');
    for (const path of ['excerpts/E0002', 'excerpts/E0004', 'excerpts/E0006', 'themes/speed']) expect(html(path)).not.toMatch(/Canary|کینری/);
  });
});
