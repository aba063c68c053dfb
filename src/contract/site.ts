/** site.json: the study, its totals, themes with their counts, co-occurrence, the matrix, the brief and releases. */
import { z } from 'zod';
import { BriefSchema } from './brief.ts';
import { PairSchema, SiteThemeSchema } from './codebook.ts';
import { MatrixRowSchema } from './excerpts.ts';
import { CountNumberSchema } from './fields.ts';
import { ReleaseStateSchema, ReleaseSummarySchema } from './releases.ts';
import { SiteStudySchema } from './study.ts';

/** Everything the site shows about the study as a whole (the generated site.json). */
export const SiteSchema = z.strictObject({
  /** study.yaml, with defaults applied and privacy cut to what the site shows. */
  study: SiteStudySchema,
  /** Per shown attribute (a participants.csv column), its label: `specialty_group` -> "Specialty group". */
  attributeLabels: z.record(z.string(), z.string()),
  /** What the site publishes, counted. */
  totals: z.strictObject({
    /** Participants published (all of participants.csv). */
    participants: CountNumberSchema,
    /** Excerpts published. */
    excerpts: CountNumberSchema,
    /** Themes of the codebook. */
    themes: CountNumberSchema,
    /** Codes of the codebook. */
    codes: CountNumberSchema,
    /** Excerpts with an original-language text. */
    originals: CountNumberSchema,
  }),
  /** The themes, in codebook order. */
  themes: z.array(SiteThemeSchema).min(1),
  /** Pairs of codes coded together, most shared excerpts first. */
  codePairs: z.array(PairSchema),
  /** Pairs of themes coded together, most shared excerpts first. */
  themePairs: z.array(PairSchema),
  /** Participant x theme: excerpts per cell, rows in pseudonym order. */
  matrix: z.array(MatrixRowSchema),
  /** brief.yaml as parsed; empty when the study has none. */
  brief: BriefSchema,
  /** The version this build shows. */
  release: ReleaseStateSchema,
  /** The study's releases, newest first. */
  releases: z.array(ReleaseSummarySchema),
  /** Per shown attribute, how many participants have each value, most common first. */
  participantSummary: z.array(
    z.strictObject({
      /** The attribute (a participants.csv column, or `experience_band`). */
      attribute: z.string(),
      /** Its label. */
      label: z.string(),
      /** Its values with their number of participants. */
      values: z.array(
        z.strictObject({
          /** The value. */ value: z.string(),
          /** Participants with it. */ participants: CountNumberSchema,
        }),
      ),
    }),
  ),
});

export type Site = z.infer<typeof SiteSchema>;
