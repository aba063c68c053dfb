/**
 * The contents of every download, built from the generated site data and excerpts. Pure
 * functions of their input; the endpoints beside this file only wrap them in a Response.
 * Every file carries its provenance and licence inside it (a column, a field or a comment).
 */
import { stringify } from 'yaml';
import type { ExcerptRecord, Study } from '../../contract/index.ts';
import { articleReference, formatCitation, studyRecord, type CslRecord } from '../../formats/citation.ts';
import { absoluteUrl, illustrative, keywords, NO_ADDRESS, site } from '../../lib/site';
import { toCsv } from '../../formats/csv.ts';
import { dataVersion, release } from '../../lib/releases';
import { downloadByFile, downloads } from './_dictionary.ts';

const { study } = site;
const kind = illustrative ? 'illustrative' : 'study';
const licence = study.licence.name;

/** The column names of a download, from the data dictionary. */
const columns = (file: string) => downloadByFile(file).fields.map((f) => f.name);

/** The excerpts, sorted by id (numeric order: E2 before E10). */
const sorted = (excerpts: ExcerptRecord[]) =>
  [...excerpts].sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));

/** A one-line provenance note for files that take comments. */
export const provenanceNote = `${
  illustrative && !/illustrative/i.test(study.provenance.notice)
    ? `Illustrative data. ${study.provenance.notice}`
    : study.provenance.notice
} Data version: ${dataVersion}.`;

export function excerptsCsv(excerpts: ExcerptRecord[]): string {
  return toCsv(
    columns('excerpts.csv'),
    sorted(excerpts).map((e) => ({
      ...e.attributes,
      id: e.id,
      participant: e.participant,
      codes: e.codes.join(';'),
      themes: e.themes.join(';'),
      text: e.text,
      original_lang: e.originalLang,
      original_text: e.originalText,
      provenance: kind,
      licence,
      version: dataVersion,
    })),
  );
}

export function excerptsJson(excerpts: ExcerptRecord[]): string {
  const about = {
    title: `${study.shortTitle ?? study.title}: anonymized ${illustrative ? 'illustrative ' : ''}excerpts`,
    version: dataVersion,
    provenance: { kind, notice: study.provenance.notice },
    licence: study.licence,
    source: { citation: articleReference(study, 'apa'), doi: study.doi },
    // Without SITE_URL the dictionary is named by its file, which sits beside this one.
    dictionary: absoluteUrl('data/#dictionary') ?? 'data-dictionary.csv',
    ...(absoluteUrl() ? {} : { address: NO_ADDRESS }),
  };
  const records = sorted(excerpts).map((e) => ({
    id: e.id,
    participant: e.participant,
    attributes: e.attributes,
    codes: e.codes,
    themes: e.themes,
    text: e.text,
    original_lang: e.originalLang ?? null,
    original_text: e.originalText ?? null,
  }));
  return `${JSON.stringify({ about, excerpts: records }, null, 1)}\n`;
}

export function codebookCsv(): string {
  return toCsv(
    columns('codebook.csv'),
    site.themes.flatMap((t) =>
      t.subthemes.flatMap((s) =>
        s.codes.map((c) => ({
          theme_id: t.id,
          theme_label: t.label,
          theme_definition: t.definition,
          subtheme_id: s.id,
          subtheme_label: s.label,
          subtheme_definition: s.definition,
          code_id: c.id,
          code_label: c.label,
          code_definition: c.definition,
          excerpts: c.count.excerpts,
          participants: c.count.participants,
          provenance: kind,
          licence,
          version: dataVersion,
        })),
      ),
    ),
  );
}

/**
 * Pseudonym and shown attributes of every participant, nothing else: the same people the
 * participants page counts (site.totals.participants), those without a published excerpt too.
 */
export function participantsCsv(
  people: { participant: string; attributes: Record<string, string> }[] = site.matrix,
): string {
  const sortedPeople = [...people].sort((a, b) => a.participant.localeCompare(b.participant, 'en', { numeric: true }));
  return toCsv(
    columns('participants.csv'),
    sortedPeople.map((p) => ({
      ...p.attributes,
      participant: p.participant,
      provenance: kind,
      licence,
      version: dataVersion,
    })),
  );
}

export function dictionaryCsv(): string {
  return toCsv(
    columns('data-dictionary.csv'),
    downloads.flatMap((d) =>
      d.fields.map((f) => ({
        file: d.file,
        field: f.name,
        meaning: f.meaning,
        provenance: kind,
        licence,
        version: dataVersion,
      })),
    ),
  );
}

/** The article's CSL-JSON record as the downloads give it: with the provenance note when illustrative. */
export function citationRecord(): CslRecord {
  const record = studyRecord(study);
  return illustrative
    ? {
        ...record,
        note: `Citation of the published article. Record from ${absoluteUrl() ? `${absoluteUrl()}, ` : 'a site '}whose excerpts, quotes and counts are illustrative, not the study's data.`,
      }
    : record;
}

/** CITATION.cff for the site and its data; the article is the preferred citation. */
export function citationCff(): string {
  const spdx = study.licence.name.trim().replace(/\s+/g, '-');
  const authors: Study['authors'] = study.authors;
  const people = authors.map((a) =>
    a.given ? { 'family-names': a.family, 'given-names': a.given } : { 'family-names': a.family },
  );
  const cff = {
    'cff-version': '1.2.0',
    message: illustrative
      ? 'This site shows ILLUSTRATIVE data written to follow the published themes; it is not the study\u2019s data. To cite the findings, cite the article (preferred-citation).'
      : 'If you use these data, please cite the article (preferred-citation) and this dataset.',
    type: 'dataset',
    title: `${study.shortTitle ?? study.title}: ${illustrative ? 'illustrative ' : ''}excerpts, codebook and study site`,
    abstract: `${illustrative ? `${provenanceNote} ` : ''}The site presents the findings of ${study.title} (${study.journal}, ${study.year}). ${study.abstract.method}`,
    // Whoever wrote the illustrative data is not the article's authors; the site names no person.
    authors: illustrative ? [{ name: `Contributors to the ${study.shortTitle ?? study.title} site` }] : people,
    ...(absoluteUrl() ? { url: absoluteUrl() } : {}),
    version: dataVersion,
    ...(release.date && !release.unreleased ? { 'date-released': release.date } : {}),
    ...(/^[A-Za-z0-9.+-]+$/.test(spdx) ? { license: spdx } : {}),
    'license-url': study.licence.url,
    keywords,
    'preferred-citation': {
      type: 'article',
      title: study.title,
      authors: people,
      journal: study.journal,
      year: study.year,
      ...('published' in study && study.published ? { 'date-published': study.published } : {}),
      doi: study.doi,
      url: `https://doi.org/${study.doi}`,
    },
  };
  const header = `# ${provenanceNote}\n# Licence: ${study.licence.name} (${study.licence.url}).\n${absoluteUrl() ? '' : `# ${NO_ADDRESS}\n`}`;
  return header + stringify(cff, { lineWidth: 0 });
}

/** Every download's content by file name; the .qdc is added by its own endpoint. */
/** How each download is made, by file name (codebook.qdc is made in _qdc.ts). */
const BUILDERS: Record<string, (excerpts: ExcerptRecord[]) => string> = {
  'excerpts.csv': excerptsCsv,
  'excerpts.json': excerptsJson,
  'codebook.csv': () => codebookCsv(),
  'participants.csv': () => participantsCsv(),
  'data-dictionary.csv': () => dictionaryCsv(),
  'citation.bib': () => formatCitation(citationRecord(), 'bibtex'),
  'citation.ris': () => formatCitation(citationRecord(), 'ris'),
  'citation.json': () => formatCitation(citationRecord(), 'csl-json'),
  'CITATION.cff': () => citationCff(),
};

/** One download's content. */
export function buildDownload(file: string, excerpts: ExcerptRecord[]): string {
  const build = BUILDERS[file];
  if (!build) throw new Error(`no download named ${file}`);
  return build(excerpts);
}
