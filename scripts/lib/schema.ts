/**
 * The study folder a research team writes (study.yaml, codebook.yaml, participants.csv,
 * excerpts.csv, quotes.yaml, redactions.yaml, brief.yaml). The shapes the site also reads (the
 * study, the codebook, quotes, the brief, excerpt records) live in the contract, src/contract/,
 * and are re-exported here so the pipeline has one place to import its schemas from.
 */
import { z } from 'zod';
import { TextSchema } from '../../src/contract/index.ts';

export {
  AuthorSchema,
  BriefSchema,
  BriefThemeSchema,
  CodebookSchema,
  CodeSchema,
  ExcerptRecordSchema,
  ProvenanceSchema,
  QuoteSchema,
  QuotesSchema,
  RecommendationSchema,
  StudySchema,
  SubthemeSchema,
  ThemeSchema,
} from '../../src/contract/index.ts';
export type {
  Brief,
  BriefTheme,
  Code,
  Codebook,
  ExcerptRecord,
  Provenance,
  Quotes,
  Study,
  Subtheme,
  Theme,
} from '../../src/contract/index.ts';

/** One row of participants.csv. Further columns are kept as extra attributes. */
export const ParticipantSchema = z
  .object({
    /** Pseudonymous id, e.g. P01. Never a name or a hospital number. */
    id: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'a pseudonym like P01'),
    /** Years of professional experience; `experience_band` is derived from it. */
    years_experience: z.coerce.number().int().min(0).max(70).optional(),
  })
  .catchall(z.string());

/** One row of excerpts.csv: a coded passage of an interview. */
export const ExcerptRowSchema = z.strictObject({
  /** Stable excerpt id, e.g. E0042; the locator in every citation. */
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'an id like E0042'),
  /** Participant id from participants.csv. */
  participant: TextSchema,
  /** Order within the interview; optional. */
  position: z.union([z.literal('').transform(() => undefined), z.coerce.number().int().min(0)]).optional(),
  /** Code ids separated by `;`. */
  codes: z.string().transform((s) =>
    s
      .split(';')
      .map((c) => c.trim())
      .filter(Boolean),
  ),
  /** The excerpt in the site's language. */
  text: TextSchema,
  /** Language of the original, as a BCP 47 code (`ur`); empty when the text is the original. */
  original_lang: z
    .string()
    .optional()
    .transform((s) => s || undefined),
  /** The excerpt in the language it was spoken. */
  original_text: z
    .string()
    .optional()
    .transform((s) => s?.trim() || undefined),
});

/** One redaction: an exact term (case-insensitive) or a regular expression, and its replacement. */
export const RedactionSchema = z.union([
  z.strictObject({ term: TextSchema, replacement: TextSchema }),
  z.strictObject({ pattern: TextSchema, replacement: TextSchema }),
]);

/** redactions.yaml: private; never published. */
export const RedactionsSchema = z.array(RedactionSchema);

export type Participant = z.infer<typeof ParticipantSchema>;
export type ExcerptRow = z.infer<typeof ExcerptRowSchema>;
export type Redaction = z.infer<typeof RedactionSchema>;
