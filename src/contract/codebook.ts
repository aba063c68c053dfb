/**
 * The codebook: themes -> subthemes -> codes as codebook.yaml gives them, and as the site reads
 * them from site.json, each with its counts, related themes and curated quotes.
 */
import { z } from 'zod';
import { CountNumberSchema, SlugSchema, TextSchema } from './fields.ts';

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
  /** Stable id, unique across the codebook; the anchor of its section on the theme page. */
  id: SlugSchema,
  /** Short label. */
  label: TextSchema,
  /** What the subtheme gathers. */
  definition: TextSchema,
  /** Its codes, in order. */
  codes: z.array(CodeSchema).min(1),
});

/** A theme: the top level of the codebook, one page on the site. */
export const ThemeSchema = z.strictObject({
  /** Stable id, used in URLs (`/themes/<id>/`) and in quotes.yaml and brief.yaml. */
  id: SlugSchema,
  /** Short label, the theme page's title. */
  label: TextSchema,
  /**
   * Colour on charts and cards, as #rrggbb; kept as set (the build warns when it falls short of 3:1
   * against the light or dark page). Default: a generated mid tone, distinct from the other themes'.
   */
  colour: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #0072B2')
    .optional(),
  /** What the theme gathers. */
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
export const CodebookSchema = z.strictObject({
  /** The themes, in the order the site shows them. */
  themes: z.array(ThemeSchema).min(1),
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

/** How many distinct participants voiced a theme, subtheme or code, and in how many excerpts. */
export const CountSchema = z.strictObject({
  /** Participants who voiced it at least once. */
  participants: CountNumberSchema,
  /** Excerpts coded with it. */
  excerpts: CountNumberSchema,
});

/** A pair of codes or themes and the number of excerpts coded with both; `a` sorts before `b`. */
export const PairSchema = z.strictObject({
  /** The id that sorts first. */
  a: z.string(),
  /** The other id. */
  b: z.string(),
  /** Excerpts coded with both. */
  excerpts: z.number().int().min(1),
});

/** A code as the site shows it. */
export const SiteCodeSchema = CodeSchema.extend({
  /** Participants and excerpts coded with it. */
  count: CountSchema,
});

/** A subtheme as the site shows it. */
export const SiteSubthemeSchema = SubthemeSchema.extend({
  /** Participants and excerpts coded with any of its codes. */
  count: CountSchema,
  /** Its codes, in codebook order. */
  codes: z.array(SiteCodeSchema).min(1),
});

/** A theme as the site shows it: the codebook's fields, its counts, related themes and quotes. */
export const SiteThemeSchema = ThemeSchema.extend({
  /** Colour on charts and cards, #rrggbb: the codebook's, or the generated one. */
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #0072B2'),
  /** Its subthemes, in codebook order. */
  subthemes: z.array(SiteSubthemeSchema).min(1),
  /** Participants and excerpts coded with any of its codes. */
  count: CountSchema,
  /** The other themes sharing excerpts with it, most shared first, none with zero. */
  related: z.array(
    z.strictObject({
      /** The other theme's id. */
      id: z.string(),
      /** Excerpts coded with both. */
      excerpts: z.number().int().min(1),
    }),
  ),
  /** Its curated quotes from quotes.yaml, in order, lead-ins anonymized. Default: none. */
  quotes: z.array(QuoteSchema),
  /** Excerpt ids its narrative shows with `<Quote>`; its featured quotes leave them out. */
  narrativeQuotes: z.array(z.string()),
});

/**
 * A theme narrative (themes/<id>.mdx, entry id = theme id): the team's prose only, as MDX with no
 * frontmatter. Its data (counts, codes, quotes, related themes) is the theme's entry in site.json.
 */
export const ThemeNarrativeSchema = z.strictObject({});

export type Codebook = z.infer<typeof CodebookSchema>;
export type Theme = z.infer<typeof ThemeSchema>;
export type Subtheme = z.infer<typeof SubthemeSchema>;
export type Code = z.infer<typeof CodeSchema>;
export type Quotes = z.infer<typeof QuotesSchema>;
export type Count = z.infer<typeof CountSchema>;
export type Pair = z.infer<typeof PairSchema>;
export type SiteTheme = z.infer<typeof SiteThemeSchema>;
export type SiteSubtheme = z.infer<typeof SiteSubthemeSchema>;
export type SiteCode = z.infer<typeof SiteCodeSchema>;
