/** Excerpts and participants as the site publishes them: anonymized, with only the attributes privacy allows. */
import { z } from 'zod';

/** One piece of a word-level diff: unchanged, added or removed words. */
export const DiffPartSchema = z.strictObject({
  /** The words, with the spaces between them. */
  value: z.string(),
  /** Set when the words were added. */
  added: z.boolean().optional(),
  /** Set when the words were removed. */
  removed: z.boolean().optional(),
});

/** One excerpt as the site publishes it (excerpts.json, one entry per excerpt). */
export const ExcerptRecordSchema = z.strictObject({
  /** Stable excerpt id, e.g. E0042; the locator in every citation. */
  id: z.string(),
  /** Pseudonym of the participant. */
  participant: z.string(),
  /** Coarse descriptor built from the shown attributes, e.g. "Mental health · Public · 10 years or more". */
  descriptor: z.string(),
  /** The shown attributes, by column name. */
  attributes: z.record(z.string(), z.string()),
  /** Order within the interview; absent when excerpts.csv gives none. */
  position: z.number().optional(),
  /** Code ids, in codebook order. */
  codes: z.array(z.string()),
  /** Theme ids of those codes, in codebook order. */
  themes: z.array(z.string()),
  /** Anonymized text. */
  text: z.string(),
  /** Language of the original, as a BCP 47 code (`ur`); absent when the text is the original. */
  originalLang: z.string().optional(),
  /** Anonymized original-language text. */
  originalText: z.string().optional(),
  /** Id of the excerpt before this one in the same interview. */
  prev: z.string().optional(),
  /** Id of the excerpt after this one in the same interview. */
  next: z.string().optional(),
  /** The latest release that changed the published text: a word diff, or `redacted` (no old words). */
  changed: z
    .strictObject({
      /** The release's version. */
      version: z.string(),
      /** The published words before and after. */
      diff: z.array(DiffPartSchema).optional(),
      /** Set when a new redaction changed the text: the old words are not shown. */
      redacted: z.boolean().optional(),
    })
    .optional(),
});

/** A participant as the site may show them: pseudonym and shown attributes only. */
export const PublicParticipantSchema = z.strictObject({
  /** Pseudonym, e.g. P01. */
  id: z.string(),
  /** Coarse descriptor built from the shown attributes. */
  descriptor: z.string(),
  /** The shown attributes, by column name (`Not shown` where a small group is protected). */
  attributes: z.record(z.string(), z.string()),
});

/** One row of the participant x theme matrix: a participant and their excerpts per theme. */
export const MatrixRowSchema = z.strictObject({
  /** Pseudonym. */
  participant: z.string(),
  /** Coarse descriptor built from the shown attributes. */
  descriptor: z.string(),
  /** The shown attributes, by column name. */
  attributes: z.record(z.string(), z.string()),
  /** Excerpts per theme, in codebook order of the themes. */
  counts: z.array(z.number().int().min(0)),
});

export type DiffPart = z.infer<typeof DiffPartSchema>;
export type ExcerptRecord = z.infer<typeof ExcerptRecordSchema>;
export type PublicParticipant = z.infer<typeof PublicParticipantSchema>;
export type MatrixRow = z.infer<typeof MatrixRowSchema>;
