/**
 * The single source of truth for every data shape: the study folder a research team writes
 * (study.yaml, codebook.yaml, participants.csv, excerpts.csv, quotes.yaml, redactions.yaml) and
 * the generated data the site reads. Used by scripts/ and by src/content.config.ts.
 */
import { z } from 'zod';

/** A stable identifier: lowercase words joined by hyphens (`time-saved`), used in URLs. */
const SlugSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lowercase letters, digits and hyphens');
/** A text that must say something. */
const TextSchema = z.string().trim().min(1, 'a non-empty text');
/** A calendar date written YYYY-MM-DD (quoted or not: YAML reads both as text here). */
const IsoDateSchema = z.union([z.string(), z.date().transform((d) => d.toISOString().slice(0, 10))])
  .pipe(z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a date like 2025-10-07'));

/**
 * Where a block of prose on the site comes from, written on the element that holds it as
 * `data-provenance`: `article` (the published article: its record, abstract, `articleSummary`),
 * `illustrative` (written for an illustrative dataset: narratives, summaries, excerpts, counts,
 * brief text), `study` (a team's own data and writing, when `provenance.kind` is `study`) or
 * `site` (the site explaining itself: how to read a chart, where to click; it claims no finding).
 */
export const ProvenanceSchema = z.enum(['article', 'illustrative', 'study', 'site']);
export type Provenance = z.infer<typeof ProvenanceSchema>;

/** One author of the published article. */
export const AuthorSchema = z.strictObject({
  /** Family name, as printed in the article. */
  family: TextSchema,
  /** Given names; omit when the article's record does not give them. */
  given: TextSchema.optional(),
  /** ORCID iD, e.g. `0000-0002-1825-0097`. */
  orcid: z.string().regex(/^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/, 'an ORCID iD like 0000-0002-1825-0097').optional(),
  /** Affiliation as printed in the article. */
  affiliation: TextSchema.optional(),
});

/** study.yaml: what the study is, where it was published, and how its data may be shown. */
export const StudySchema = z.strictObject({
  /** Full title of the published article. */
  title: TextSchema,
  /** Short title for the site header; defaults to the title. */
  shortTitle: TextSchema.optional(),
  /** Authors in byline order. */
  authors: z.array(AuthorSchema).min(1),
  /** Journal name. */
  journal: TextSchema,
  /** Year of publication. */
  year: z.number().int().min(1900).max(2100),
  /** DOI without the resolver prefix, e.g. `10.1177/00912174251387812`. */
  doi: z.string().regex(/^10\.\d{4,9}\/\S+$/, 'a DOI like 10.1177/00912174251387812'),
  /** The title in sentence case (`Between trust and tension: Psychosocial impacts of ...`), as APA 7 and Vancouver print it; CSL styles that want title case (Chicago, MLA) make it from this. Default: the title. */
  titleSentenceCase: TextSchema.optional(),
  /** The journal's NLM abbreviation (`Int J Psychiatry Med`), for Vancouver. Default: the journal's name. */
  journalAbbreviation: TextSchema.optional(),
  /** Date of publication, YYYY-MM-DD: the online-first date while the article has no volume, issue or pages. Default: the year only. */
  published: IsoDateSchema.optional(),
  /** Volume, issue and page range once the article is in a numbered issue; while all three are missing, an article with a `published` date is cited as published online ahead of print. */
  volume: TextSchema.optional(),
  issue: TextSchema.optional(),
  pages: TextSchema.optional(),
  /** Structured abstract. */
  abstract: z.strictObject({ objective: TextSchema, method: TextSchema, results: TextSchema, conclusion: TextSchema }),
  /** The research question in one sentence. */
  question: TextSchema,
  /** Study design, e.g. "Qualitative, in-depth interviews". */
  design: TextSchema,
  /** Where the study took place. */
  setting: TextSchema,
  /** How participants were sampled. */
  sampling: TextSchema,
  /** Number of participants reported in the article. */
  sampleSize: z.number().int().positive(),
  /** Analysis approach, e.g. "Thematic analysis". */
  analysis: TextSchema,
  /** Ethics approval and consent; say "Not reported" rather than guess. */
  ethics: TextSchema,
  /** Researchers' reflexivity statement. Default "Not reported". */
  reflexivity: TextSchema.default('Not reported'),
  /**
   * Where the methods facts below (`coreq`, `notReported`) were read: `article` (default), the full
   * article, so an item left out of `coreq` is one the article does not report ("Not reported");
   * or `abstract`, only the abstract, so an item left out or listed in `notReported` may still be
   * in the article ("Not in the abstract; see the article").
   */
  reportedIn: z.enum(['article', 'abstract']).default('article'),
  /** COREQ checklist answers by item number ("1" to "32"); an item left out is shown as `reportedIn` says. Write "Not reported" for an item the article states it does not report. */
  coreq: z.record(z.string().regex(/^([1-9]|[12]\d|3[0-2])$/, 'a COREQ item number from 1 to 32'), TextSchema).default({}),
  /** Reporting items the article does not report (or, with `reportedIn: abstract`, the abstract does not); shown on the methods page. Default: none. */
  notReported: z.array(TextSchema).default([]),
  /** Licence of the published data and text. */
  licence: z.strictObject({ name: TextSchema, url: z.url() }),
  /** Whether the data are the study's own or an illustrative stand-in, and the notice shown with them. */
  provenance: z.strictObject({ kind: z.enum(['illustrative', 'study']), notice: TextSchema }),
  /**
   * What the study is about and who took part, in the words the site uses around the data. Every
   * field has a neutral default, so a study without this block reads "22 participants".
   */
  subject: z.strictObject({
    /** Who took part, one: "health professional". Default "participant". */
    participant: TextSchema.default('participant'),
    /** Who took part, more than one: "health professionals". Default "participants". */
    participants: TextSchema.default('participants'),
    /** What participants talked about, to follow "said about": "AI and their wellbeing". Default: none (the brief then says "what N participants said"). */
    topic: TextSchema.optional(),
    /** Keywords for page metadata, the dataset record and CITATION.cff, after "qualitative research". Default: none. */
    keywords: z.array(TextSchema).default([]),
    /** Title of the policy brief. Default "<short title>: findings and what to do". */
    briefTitle: TextSchema.optional(),
  }).prefault({}),
  /** Privacy settings applied to everything linked to a pseudonym. */
  privacy: z.strictObject({
    /** Every combination of shown attributes must be shared by at least k participants. Default 3. */
    k: z.number().int().min(1).default(3),
    /** participants.csv columns (or the derived `experience_band`) that may be shown with a pseudonym. */
    shownAttributes: z.array(z.string()).default([]),
    /** When a combination is shared by fewer than k: `fail` the build (default), or `coarsen` by hiding values ("Not shown") for those participants, last attribute first. */
    onSmallGroups: z.enum(['fail', 'coarsen']).default('fail'),
    /** Cut-points in years for `experience_band`: [10] gives "Under 10 years" and "10 years or more". */
    experienceBands: z.array(z.number().int().positive()).default([10]),
  }),
});

/** A code: the smallest unit of the codebook, applied to excerpts. */
export const CodeSchema = z.strictObject({
  /** Stable id, used in excerpts.csv and URLs. */
  id: SlugSchema,
  /** Short label. */
  label: TextSchema,
  /** When the code applies. */
  definition: TextSchema,
});

/** A subtheme groups codes within a theme. */
export const SubthemeSchema = z.strictObject({
  id: SlugSchema,
  label: TextSchema,
  definition: TextSchema,
  codes: z.array(CodeSchema).min(1),
});

/** A theme: the top level of the codebook, one page on the site. */
export const ThemeSchema = z.strictObject({
  id: SlugSchema,
  label: TextSchema,
  /**
   * Colour on charts and cards, as #rrggbb; kept as set (the build warns when it falls short of 3:1
   * against the light or dark page). Default: a generated mid tone, distinct from the other themes'.
   */
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #0072B2').optional(),
  definition: TextSchema,
  /**
   * What the published article itself reports for this theme, in one or two sentences taken from
   * it (its abstract's findings or conclusion), shown as "From the published article". Omit when
   * the article reports nothing specific to the theme. Never put the site's own writing here.
   */
  articleSummary: TextSchema.optional(),
  /**
   * One paragraph summarising the finding, for the theme card and page. Written by the team, or,
   * for an illustrative study, for the illustrative dataset: its provenance is study.yaml's
   * `provenance.kind`, and in illustrative mode the site labels it so.
   */
  summary: TextSchema,
  /** The same in plain language for policymakers; same provenance as `summary`. */
  plainSummary: TextSchema,
  subthemes: z.array(SubthemeSchema).min(1),
});

/** codebook.yaml: themes -> subthemes -> codes. */
export const CodebookSchema = z.strictObject({ themes: z.array(ThemeSchema).min(1) });

/** One row of participants.csv. Further columns are kept as extra attributes. */
export const ParticipantSchema = z.object({
  /** Pseudonymous id, e.g. P01. Never a name or a hospital number. */
  id: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'a pseudonym like P01'),
  /** Years of professional experience; `experience_band` is derived from it. */
  years_experience: z.coerce.number().int().min(0).max(70).optional(),
}).catchall(z.string());

/** One row of excerpts.csv: a coded passage of an interview. */
export const ExcerptRowSchema = z.strictObject({
  /** Stable excerpt id, e.g. E0042; the locator in every citation. */
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'an id like E0042'),
  /** Participant id from participants.csv. */
  participant: TextSchema,
  /** Order within the interview; optional. */
  position: z.union([z.literal('').transform(() => undefined), z.coerce.number().int().min(0)]).optional(),
  /** Code ids separated by `;`. */
  codes: z.string().transform((s) => s.split(';').map((c) => c.trim()).filter(Boolean)),
  /** The excerpt in the site's language. */
  text: TextSchema,
  /** Language of the original, as a BCP 47 code (`ur`); empty when the text is the original. */
  original_lang: z.string().optional().transform((s) => s || undefined),
  /** The excerpt in the language it was spoken. */
  original_text: z.string().optional().transform((s) => s?.trim() || undefined),
});

/** One curated quote of a theme. */
export const QuoteSchema = z.strictObject({
  /** Excerpt id. */
  excerpt: TextSchema,
  /** Optional short lead-in shown before the quote. */
  lead: TextSchema.optional(),
});

/** quotes.yaml: per theme id, the excerpts it features, in order. */
export const QuotesSchema = z.record(z.string(), z.array(QuoteSchema));

/** One redaction: an exact term (case-insensitive) or a regular expression, and its replacement. */
export const RedactionSchema = z.union([
  z.strictObject({ term: TextSchema, replacement: TextSchema }),
  z.strictObject({ pattern: TextSchema, replacement: TextSchema }),
]);

/** redactions.yaml: private; never published. */
export const RedactionsSchema = z.array(RedactionSchema);

/* brief.yaml (optional): the policy brief's text beyond the codebook. */
/** What the brief says about one theme, beyond the codebook's plain summary. */
export const BriefThemeSchema = z.strictObject({
  /** Why the finding matters, in plain language. Omitted: the section shows the finding only. */
  why: TextSchema.optional(),
  /** What decision-makers can do, one line each. Default: none. */
  actions: z.array(TextSchema).default([]),
});

/** One recommendation of the brief. */
export const RecommendationSchema = z.strictObject({
  /** The recommendation, one sentence. */
  text: TextSchema,
  /** Theme ids whose findings support it; each becomes a link to that section. Default: none. */
  themes: z.array(SlugSchema).default([]),
});

/** brief.yaml: per theme id, the brief's text; and the recommendations. Both default to empty. */
export const BriefSchema = z.strictObject({
  themes: z.record(SlugSchema, BriefThemeSchema).default({}),
  recommendations: z.array(RecommendationSchema).default([]),
});

export type Brief = z.infer<typeof BriefSchema>;
export type BriefTheme = z.infer<typeof BriefThemeSchema>;

export type Study = z.infer<typeof StudySchema>;
export type Codebook = z.infer<typeof CodebookSchema>;
export type Theme = z.infer<typeof ThemeSchema>;
export type Subtheme = z.infer<typeof SubthemeSchema>;
export type Code = z.infer<typeof CodeSchema>;
export type Participant = z.infer<typeof ParticipantSchema>;
export type ExcerptRow = z.infer<typeof ExcerptRowSchema>;
export type Quotes = z.infer<typeof QuotesSchema>;
export type Redaction = z.infer<typeof RedactionSchema>;

/** One excerpt as the site publishes it: anonymized, with only the attributes privacy allows. */
export const ExcerptRecordSchema = z.strictObject({
  id: z.string(),
  /** Pseudonym of the participant. */
  participant: z.string(),
  /** Coarse descriptor built from the shown attributes, e.g. "Mental health · Public · 10 years or more". */
  descriptor: z.string(),
  /** The shown attributes, by column name. */
  attributes: z.record(z.string(), z.string()),
  position: z.number().optional(),
  /** Code ids, in codebook order. */
  codes: z.array(z.string()),
  /** Theme ids of those codes, in codebook order. */
  themes: z.array(z.string()),
  /** Anonymized text. */
  text: z.string(),
  originalLang: z.string().optional(),
  /** Anonymized original-language text. */
  originalText: z.string().optional(),
  /** Ids of the excerpts before and after this one in the same interview. */
  prev: z.string().optional(),
  next: z.string().optional(),
  /** The latest release that changed the published text: a word diff, or `redacted` (no old words). */
  changed: z.strictObject({
    version: z.string(),
    diff: z.array(z.strictObject({ value: z.string(), added: z.boolean().optional(), removed: z.boolean().optional() })).optional(),
    redacted: z.boolean().optional(),
  }).optional(),
});

export type ExcerptRecord = z.infer<typeof ExcerptRecordSchema>;
