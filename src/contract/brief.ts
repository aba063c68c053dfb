/** brief.yaml (optional): the policy brief's text beyond the codebook; site.json holds it as parsed. */
import { z } from 'zod';
import { SlugSchema, TextSchema } from './fields.ts';

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
