/**
 * Downloads and sharing metadata on the built bundled site: every file on /data/ parses, has the
 * columns the data dictionary documents, says when it is illustrative and carries its licence;
 * the codebook validates against REFI-QDA's Codebook.xsd; participants' files hold only what the
 * privacy settings allow; every page has Open Graph tags; robots.txt, sitemap and _headers exist.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseHtml } from 'node-html-parser';
import { parse as parseYaml } from 'yaml';
import { describe, expect, inject, it } from 'vitest';
import { parseCsv } from '../lib/parse-csv.ts';

const dir = inject('siteDir');
const read = (path: string) => readFileSync(join(dir, path), 'utf8');
const study = parseYaml(readFileSync('content/study/study.yaml', 'utf8')) as {
  provenance: { kind: string };
  licence: { name: string };
  doi: string;
  privacy: { shownAttributes: string[] };
};
const illustrative = study.provenance.kind === 'illustrative';
const excerptRows = parseCsv(readFileSync('content/study/excerpts.csv', 'utf8'), 'excerpts.csv', []).rows;
const participantRows = parseCsv(readFileSync('content/study/participants.csv', 'utf8'), 'participants.csv', []).rows;
const XSD = 'scripts/fixtures/import/xsd/Codebook.xsd';

/** A CSV download's header and rows, failing on any parse problem. */
function csv(file: string) {
  const { rows, problems } = parseCsv(read(`data/${file}`), file, []);
  expect(problems, file).toEqual([]);
  const header = read(`data/${file}`).split('\r\n')[0].split(',');
  return { header, rows: rows.map((r) => r.cells) };
}

/** The data dictionary as the site publishes it: file -> documented columns, in order. */
function dictionary(): Map<string, string[]> {
  const columns = new Map<string, string[]>();
  for (const r of csv('data-dictionary.csv').rows) columns.set(r.file, [...(columns.get(r.file) ?? []), r.field]);
  return columns;
}

const dataPage = parseHtml(read('data/index.html'));
const listed = dataPage
  .querySelectorAll('main table a[download]')
  .map((a) => a.getAttribute('href')!.replace(/^\/data\//, ''));

describe('the /data/ downloads', () => {
  it('lists at least the excerpts, codebook, participants, dictionary and citation files, and every one was built', () => {
    expect(listed).toEqual(
      expect.arrayContaining([
        'excerpts.csv',
        'excerpts.json',
        'codebook.csv',
        'codebook.qdc',
        'participants.csv',
        'data-dictionary.csv',
        'citation.bib',
        'citation.ris',
        'CITATION.cff',
      ]),
    );
    for (const file of listed) expect(existsSync(join(dir, 'data', file)), file).toBe(true);
  });

  it('gives every CSV exactly the columns the data dictionary documents, in order', () => {
    const documented = dictionary();
    for (const file of listed.filter((f) => f.endsWith('.csv'))) {
      const { header, rows } = csv(file);
      expect(header, file).toEqual(documented.get(file));
      expect(rows.length, file).toBeGreaterThan(0);
    }
  });

  it('documents every column of every CSV on the page too, under #dictionary', () => {
    const onPage = new Set(dataPage.querySelectorAll('main table td code').map((c) => c.text));
    for (const [file, columns] of dictionary())
      for (const c of columns) expect(onPage.has(c), `${file}: ${c}`).toBe(true);
  });

  it('publishes every excerpt once, in CSV and in JSON, with the same ids, codes and texts', () => {
    const rows = csv('excerpts.csv').rows;
    const json = JSON.parse(read('data/excerpts.json')) as {
      about: Record<string, unknown>;
      excerpts: { id: string; codes: string[]; text: string }[];
    };
    expect(rows.map((r) => r.id).sort()).toEqual(excerptRows.map((r) => r.cells.id).sort());
    expect(json.excerpts.map((e) => e.id)).toEqual(rows.map((r) => r.id));
    for (const [i, e] of json.excerpts.entries()) {
      expect(e.codes.join(';'), e.id).toBe(rows[i].codes);
      expect(e.text, e.id).toBe(rows[i].text);
    }
  });

  it('gives participants only a pseudonym and the shown attributes: never specialty, gender or years', () => {
    const { header, rows } = csv('participants.csv');
    expect(header).toEqual(['participant', ...study.privacy.shownAttributes, 'provenance', 'licence', 'version']);
    for (const secret of ['specialty', 'gender', 'years_experience']) {
      expect(header).not.toContain(secret);
      for (const file of ['excerpts.csv', 'participants.csv']) expect(csv(file).header, file).not.toContain(secret);
    }
    expect(rows.map((r) => r.participant).sort()).toEqual(participantRows.map((r) => r.cells.id).sort());
    const exact = new Set(participantRows.flatMap((r) => [r.cells.specialty, r.cells.gender]));
    const shown = new Set(participantRows.flatMap((r) => study.privacy.shownAttributes.map((a) => r.cells[a])));
    const leaked = rows.flatMap((r) => Object.values(r)).filter((v) => exact.has(v) && !shown.has(v));
    expect(leaked).toEqual([]);
    expect(read('data/excerpts.json')).not.toMatch(/"(specialty|gender|years_experience)"/);
  });

  it('validates the REFI-QDA codebook against Codebook.xsd with xmllint', () => {
    const found = spawnSync('xmllint', ['--version']).status === 0;
    if (!found) {
      if (process.env.CI) throw new Error('xmllint is missing: apt-get install -y libxml2-utils');
      console.warn('[downloads] xmllint not installed: the .qdc schema check is skipped');
      return;
    }
    const out = spawnSync('xmllint', ['--noout', '--schema', XSD, join(dir, 'data/codebook.qdc')], {
      encoding: 'utf8',
    });
    expect(out.stderr.trim()).toMatch(/validates$/);
    expect(out.status).toBe(0);
  });

  it('generates BibTeX and RIS from the same record, with the DOI in both', () => {
    const bib = read('data/citation.bib');
    const ris = read('data/citation.ris');
    const csl = JSON.parse(read('data/citation.json')) as { DOI: string; title: string }[];
    expect(csl).toHaveLength(1);
    expect(bib).toMatch(/^@article\{\w+,/);
    expect(bib).toContain(`doi = {${study.doi}}`);
    expect(ris).toMatch(/^TY {2}- JOUR\n/);
    expect(ris).toContain(`DO  - ${study.doi}\n`);
    expect(ris).toContain(`TI  - ${csl[0].title}\n`);
    expect(csl[0].DOI).toBe(study.doi);
  });

  it('writes a CITATION.cff with the article as the preferred citation', () => {
    const cff = parseYaml(read('data/CITATION.cff')) as Record<string, any>;
    expect(cff['cff-version']).toBe('1.2.0');
    for (const key of ['message', 'title', 'authors', 'type']) expect(cff[key], key).toBeTruthy();
    expect(cff['preferred-citation'].doi).toBe(study.doi);
    expect(cff.license).toBe(study.licence.name.replace(/\s+/g, '-'));
  });

  it.runIf(illustrative)('says "illustrative" inside every download, and carries the licence', () => {
    for (const file of listed) {
      const body = read(`data/${file}`);
      expect(body, file).toMatch(/illustrative/i);
      if (!file.startsWith('citation.')) expect(body, file).toContain(study.licence.name);
    }
    for (const file of listed.filter((f) => f.endsWith('.csv'))) {
      const { rows } = csv(file);
      expect(
        rows.every((r) => r.provenance === 'illustrative' && r.licence === study.licence.name),
        file,
      ).toBe(true);
    }
    expect(
      (JSON.parse(read('data/excerpts.json')) as { about: { provenance: { kind: string } } }).about.provenance.kind,
    ).toBe('illustrative');
    expect(read('data/codebook.qdc').split('\n')[1]).toMatch(/^<!-- Illustrative data\./);
    expect(read('data/citation.ris')).toMatch(/^N1 {2}- .*illustrative/m);
    expect(read('data/CITATION.cff')).toMatch(/^# Illustrative data\./);
    expect(dataPage.querySelector('main .lede')!.text).toMatch(/^Illustrative data\./);
  });
});

describe('sharing and finding', () => {
  const pages = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(
    (f) => f.endsWith('.html') && !f.startsWith('pagefind'),
  );

  it('gives every page Open Graph and Twitter card tags, with og:url equal to the canonical URL', () => {
    expect(pages.length).toBeGreaterThan(10);
    for (const file of pages) {
      const head = parseHtml(readFileSync(join(dir, file), 'utf8')).querySelector('head')!;
      const meta = (attr: string, name: string) =>
        head.querySelector(`meta[${attr}="${name}"]`)?.getAttribute('content');
      const canonical = head.querySelector('link[rel="canonical"]')?.getAttribute('href');
      for (const name of ['og:title', 'og:description', 'og:type', 'og:site_name'])
        expect(meta('property', name), `${file} ${name}`).toBeTruthy();
      expect(meta('name', 'twitter:card'), file).toBe('summary');
      expect(meta('property', 'og:url'), file).toBe(canonical);
      expect(canonical, file).toMatch(/^https?:\/\//);
    }
  });

  it('describes the paper as a ScholarlyArticle and the excerpts as a Dataset in JSON-LD', () => {
    const graph = (path: string) => {
      const script = parseHtml(read(path)).querySelector('script[type="application/ld+json"]');
      return (JSON.parse(script!.text) as { '@graph': Record<string, any>[] })['@graph'];
    };
    const home = graph('index.html');
    const article = home.find((n) => n['@type'] === 'ScholarlyArticle')!;
    const dataset = home.find((n) => n['@type'] === 'Dataset')!;
    expect(article.identifier.value).toBe(study.doi);
    expect(dataset.distribution.map((d: { name: string }) => d.name)).toContain('excerpts.csv');
    if (illustrative) {
      expect(dataset.description).toMatch(/^Illustrative data\./);
      expect(dataset.name).toContain('illustrative');
    }
    expect(graph('data/index.html').map((n) => n['@type'])).toContain('Dataset');
  });

  it('lists the pages in a sitemap, without the 404 page', () => {
    expect(read('sitemap-index.xml')).toContain('sitemap-0.xml');
    const sitemap = read('sitemap-0.xml');
    expect(sitemap).toMatch(/<loc>[^<]*\/brief\/<\/loc>/);
    expect(sitemap).toMatch(/<loc>[^<]*\/data\/<\/loc>/);
    expect(sitemap).not.toContain('404');
  });

  it(`asks robots ${illustrative ? 'not to index the illustrative site' : 'in, and names the sitemap'}`, () => {
    const robots = read('robots.txt');
    if (illustrative) expect(robots).toMatch(/^User-agent: \*\nDisallow: \/$/m);
    else expect(robots).toMatch(/^Sitemap: https?:\/\/.*sitemap-index\.xml$/m);
  });

  it('ships a _headers file with the headers a meta tag cannot set', () => {
    const headers = read('_headers');
    expect(headers).toMatch(/^\/\*$/m);
    for (const h of [
      "Content-Security-Policy: frame-ancestors 'none'",
      'Referrer-Policy:',
      'X-Content-Type-Options: nosniff',
      'Permissions-Policy:',
    ])
      expect(headers).toContain(h);
  });

  it('has a 404 page that links back into the site', () => {
    const links = parseHtml(read('404.html'))
      .querySelectorAll('main a')
      .map((a) => a.getAttribute('href'));
    expect(links.length).toBeGreaterThan(1);
  });
});
