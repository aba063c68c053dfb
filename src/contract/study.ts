/**
 * The study as study.yaml gives it (read by the pipeline) and as the site reads it from the
 * generated site.json: the same fields, privacy settings cut to what the site shows.
 */
import { z } from 'zod';
import { DateTextSchema, DoiSchema, IsoDateSchema, TextSchema } from './fields.ts';

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
  orcid: z
    .string()
    .regex(/^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/, 'an ORCID iD like 0000-0002-1825-0097')
    .optional(),
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
  doi: DoiSchema,
  /** The title in sentence case (`Between trust and tension: Psychosocial impacts of ...`), as APA 7 and Vancouver print it; CSL styles that want title case (Chicago, MLA) make it from this. Default: the title. */
  titleSentenceCase: TextSchema.optional(),
  /** The journal's NLM abbreviation (`Int J Psychiatry Med`), for Vancouver. Default: the journal's name. */
  journalAbbreviation: TextSchema.optional(),
  /** Date of publication, YYYY-MM-DD: the online-first date while the article has no volume, issue or pages. Default: the year only. */
  published: IsoDateSchema.optional(),
  /** Volume, issue and page range once the article is in a numbered issue; while all three are missing, an article with a `published` date is cited as published online ahead of print. */
  volume: TextSchema.optional(),
  /** Issue number; see `volume`. */
  issue: TextSchema.optional(),
  /** Page range; see `volume`. */
  pages: TextSchema.optional(),
  /** Structured abstract. */
  abstract: z.strictObject({
    /** Objective. */
    objective: TextSchema,
    /** Method. */
    method: TextSchema,
    /** Results. */
    results: TextSchema,
    /** Conclusion. */
    conclusion: TextSchema,
  }),
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
  coreq: z
    .record(z.string().regex(/^([1-9]|[12]\d|3[0-2])$/, 'a COREQ item number from 1 to 32'), TextSchema)
    .default({}),
  /** Reporting items the article does not report (or, with `reportedIn: abstract`, the abstract does not); shown on the methods page. Default: none. */
  notReported: z.array(TextSchema).default([]),
  /** Licence of the published data and text. */
  licence: z.strictObject({
    /** Its name, e.g. CC BY 4.0. */ name: TextSchema,
    /** Its text's address. */ url: z.url(),
  }),
  /** Whether the data are the study's own or an illustrative stand-in, and the notice shown with them. */
  provenance: z.strictObject({
    /** `study`: the study's own data; `illustrative`: a stand-in written to show the site. */
    kind: z.enum(['illustrative', 'study']),
    /** The notice shown with the data. */
    notice: TextSchema,
  }),
  /**
   * What the study is about and who took part, in the words the site uses around the data. Every
   * field has a neutral default, so a study without this block reads "22 participants".
   */
  subject: z
    .strictObject({
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
    })
    .prefault({}),
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

/** The study as site.json holds it: study.yaml's fields with defaults applied, privacy cut to what the site shows. */
export const SiteStudySchema = StudySchema.extend({
  /** Date of publication, YYYY-MM-DD; absent when study.yaml gives the year only. */
  published: DateTextSchema.optional(),
  /** The privacy settings the site states (methods and data pages). */
  privacy: z.strictObject({
    /** Every combination of shown attributes is shared by at least k participants. */
    k: z.number().int().min(1),
    /** The participant attributes shown with a pseudonym, in study.yaml's order. */
    shownAttributes: z.array(z.string()),
  }),
});

export type Study = z.infer<typeof StudySchema>;
export type SiteStudy = z.infer<typeof SiteStudySchema>;
