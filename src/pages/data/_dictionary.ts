/**
 * The data dictionary: every download, and every column or field in it, with its meaning. The
 * download builders (_files.ts) write their columns in this order, so the dictionary, the files
 * and the /data/ page cannot drift apart.
 */
import { count, PARTICIPANT } from '../../lib/plural.ts';
import { illustrative, site } from '../../lib/site';
import { dataVersion } from '../../lib/releases';

/** One column of a table, or one field of a JSON or XML file. */
export interface Field {
  name: string;
  meaning: string;
}

/** One file offered on /data/. */
export interface Download {
  /** File name under /data/. */
  file: string;
  title: string;
  /** Shown next to the link, e.g. "CSV". */
  format: string;
  /** Content-Type the endpoint sends. */
  mediaType: string;
  /** One sentence on what the file holds. */
  summary: string;
  /** Columns (tables) or fields (JSON, XML), in file order; empty when the format defines them. */
  fields: Field[];
}

const kind = illustrative ? 'illustrative' : 'study';
const provenanceField: Field = {
  name: 'provenance',
  meaning: `Where the row comes from: "illustrative" (written for this site to follow the published themes; not the study's data or any participant's words) or "study" (the study's coded data). In this file: "${kind}".`,
};
const licenceField: Field = {
  name: 'licence',
  meaning: `Licence of the row: ${site.study.licence.name} (${site.study.licence.url}).`,
};
const versionField: Field = {
  name: 'version',
  meaning: `The release of the data the row belongs to (see /releases/). In this file: "${dataVersion}".`,
};

/** The shown attributes: the only participant details published, each with its possible values. */
export const attributeFields: Field[] = site.participantSummary.map((a) => ({
  name: a.attribute,
  meaning: `${a.label}, a coarse attribute shown with the pseudonym (every combination is shared by at least ${count(site.study.privacy.k, PARTICIPANT)}). Values: ${a.values.map((v) => v.value).join('; ')}.`,
}));

const excerptFields = (attributes: Field[]): Field[] => [
  { name: 'id', meaning: 'Stable excerpt id; its page is /excerpts/<id>/.' },
  { name: 'participant', meaning: 'Pseudonym of the participant (P01, P02, …). Never a name.' },
  ...attributes,
  {
    name: 'codes',
    meaning: 'Ids of the codes applied to the excerpt, in codebook order, separated by ";" (see codebook.csv).',
  },
  { name: 'themes', meaning: 'Ids of the themes of those codes, in codebook order, separated by ";".' },
  {
    name: 'text',
    meaning: 'The excerpt in English, anonymized (names and places replaced by bracketed descriptions).',
  },
  {
    name: 'original_lang',
    meaning:
      'Language the excerpt was spoken in, as a BCP 47 language code (such as ur or es); empty when the text is the original.',
  },
  {
    name: 'original_text',
    meaning: 'The excerpt in the language it was spoken, anonymized; empty when the text is the original.',
  },
];

/** Every download, in the order /data/ lists them. */
export const downloads: Download[] = [
  {
    file: 'excerpts.csv',
    title: 'Anonymized excerpts',
    format: 'CSV',
    mediaType: 'text/csv; charset=utf-8',
    summary: 'One row per coded excerpt: pseudonym, shown attributes, codes, themes, text and original.',
    fields: [...excerptFields(attributeFields), provenanceField, licenceField, versionField],
  },
  {
    file: 'excerpts.json',
    title: 'Anonymized excerpts',
    format: 'JSON',
    mediaType: 'application/json',
    summary: 'The same excerpts as JSON: an "about" object (provenance, licence, source) and an "excerpts" array.',
    fields: [
      {
        name: 'about',
        meaning:
          'Metadata: title, version (the release, see /releases/), provenance {kind, notice}, licence {name, url}, source (the article\u2019s citation and DOI) and the URL of this dictionary.',
      },
      ...excerptFields([
        {
          name: 'attributes',
          meaning: `The shown attributes by column name (${attributeFields.map((f) => f.name).join(', ')}); see excerpts.csv.`,
        },
      ]).map((f) => ({
        name: `excerpts[].${f.name}`,
        meaning:
          f.name === 'codes' || f.name === 'themes'
            ? f.meaning.replace(', separated by ";"', ', as an array')
            : f.meaning.replace('empty when', 'null when'),
      })),
    ],
  },
  {
    file: 'codebook.csv',
    title: 'Codebook',
    format: 'CSV',
    mediaType: 'text/csv; charset=utf-8',
    summary: 'One row per code, with its subtheme and theme, definitions and how often it was applied.',
    fields: [
      { name: 'theme_id', meaning: 'Theme id; its page is /themes/<theme_id>/.' },
      { name: 'theme_label', meaning: 'Theme name.' },
      { name: 'theme_definition', meaning: 'When the theme applies.' },
      { name: 'subtheme_id', meaning: 'Subtheme id.' },
      { name: 'subtheme_label', meaning: 'Subtheme name.' },
      { name: 'subtheme_definition', meaning: 'When the subtheme applies.' },
      { name: 'code_id', meaning: 'Code id, as used in the codes column of excerpts.csv.' },
      { name: 'code_label', meaning: 'Code name.' },
      { name: 'code_definition', meaning: 'When the code applies.' },
      { name: 'excerpts', meaning: 'Number of published excerpts coded with it.' },
      { name: 'participants', meaning: 'Number of participants with at least one excerpt coded with it.' },
      provenanceField,
      licenceField,
      versionField,
    ],
  },
  {
    file: 'codebook.qdc',
    title: 'Codebook for QDA software',
    format: 'REFI-QDA',
    mediaType: 'application/xml',
    summary:
      'The codebook in the REFI-QDA exchange standard, for import into ATLAS.ti, MAXQDA, NVivo, QDA Miner and others.',
    fields: [
      {
        name: 'Code',
        meaning:
          'One element per theme, with its subthemes nested inside and their codes inside those; attributes guid, name, isCodable, color.',
      },
      { name: 'Code/Description', meaning: 'The definition of the theme, subtheme or code.' },
      {
        name: 'CodeBook/@origin',
        meaning: `Where the file comes from: this site${illustrative ? ', marked "(illustrative codebook)"' : ''}.`,
      },
      { name: '<!-- comment -->', meaning: 'The provenance and licence note, after the XML declaration.' },
    ],
  },
  {
    file: 'participants.csv',
    title: 'Participants',
    format: 'CSV',
    mediaType: 'text/csv; charset=utf-8',
    summary:
      'One row per participant with published excerpts: the pseudonym and the coarse attributes the privacy settings allow, nothing else.',
    fields: [
      { name: 'participant', meaning: 'Pseudonym of the participant, as in excerpts.csv.' },
      ...attributeFields,
      provenanceField,
      licenceField,
      versionField,
    ],
  },
  {
    file: 'data-dictionary.csv',
    title: 'Data dictionary',
    format: 'CSV',
    mediaType: 'text/csv; charset=utf-8',
    summary: 'This table: every column or field of every download and its meaning.',
    fields: [
      { name: 'file', meaning: 'Name of the download under /data/.' },
      { name: 'field', meaning: 'Column (CSV) or field (JSON, XML) of that file.' },
      { name: 'meaning', meaning: 'What the column or field holds.' },
      provenanceField,
      licenceField,
      versionField,
    ],
  },
  {
    file: 'citation.bib',
    title: 'Citation of the article',
    format: 'BibTeX',
    mediaType: 'application/x-bibtex; charset=utf-8',
    summary: 'The published article as a BibTeX entry; its note says where the record came from.',
    fields: [],
  },
  {
    file: 'citation.ris',
    title: 'Citation of the article',
    format: 'RIS',
    mediaType: 'application/x-research-info-systems; charset=utf-8',
    summary: 'The same record as RIS, for EndNote, Zotero, Mendeley and others; N1 carries the note.',
    fields: [],
  },
  {
    file: 'citation.json',
    title: 'Citation of the article',
    format: 'CSL-JSON',
    mediaType: 'application/vnd.citationstyles.csl+json',
    summary: 'The one CSL-JSON record the BibTeX and RIS files are generated from.',
    fields: [],
  },
  {
    file: 'CITATION.cff',
    title: 'How to cite this site',
    format: 'Citation File Format',
    mediaType: 'text/yaml; charset=utf-8',
    summary: 'Citation metadata for this site and its data, with the article as the preferred citation.',
    fields: [],
  },
];

/** The download with this file name; throws on an unknown name (a build-time bug). */
export function downloadByFile(file: string): Download {
  const d = downloads.find((x) => x.file === file);
  if (!d) throw new Error(`no download ${file}`);
  return d;
}
