/**
 * Releases as the site reads them: the version this build shows (site.json `release`), every
 * release compared with the one before (releases.json) and the ids withdrawn since (tombstones.json).
 */
import { z } from 'zod';
import { DiffPartSchema } from './excerpts.ts';
import { DateTextSchema } from './fields.ts';

/** A release version: dotted numbers (`1.0`, `1.1`, `2.0.1`), compared number by number. */
export const VersionSchema = z.string().regex(/^\d+(\.\d+){1,3}$/, 'a version like 1.0 or 1.1.2');

/** -1, 0 or 1 as version a is before, equal to or after b (1.2 < 1.10). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return Math.sign(d);
  }
  return 0;
}

/** What a build shows as its version. */
export const ReleaseStateSchema = z.strictObject({
  /** The latest release's version; absent before the first release. */
  version: VersionSchema.optional(),
  /** The latest release's date. */
  date: DateTextSchema.optional(),
  /** The DOI a data repository minted for the latest release, if recorded. */
  doi: z.string().optional(),
  /** True when the study differs from its latest release (or has none). */
  unreleased: z.boolean(),
  /** "Version 1.1 (2026-03-01)" or "Unreleased changes since version 1.1" or "Unreleased: no release recorded yet". */
  label: z.string(),
  /** What a citation names as the version: "1.1", or "1.1, with unreleased changes"; absent before a release. */
  citeAs: z.string().optional(),
});

/** A release in the list of releases (site.json `releases`, newest first). */
export const ReleaseSummarySchema = z.strictObject({
  /** Its version. */
  version: VersionSchema,
  /** Its date. */
  date: DateTextSchema,
  /** The DOI a data repository minted for it, or null. */
  doi: z.string().nullable(),
  /** The version before it, or null for the first release. */
  previous: z.string().nullable(),
  /** "2 themes changed; 14 excerpts added; 1 withdrawn" */
  headline: z.string(),
});

/** A count before and after a release; null where the theme did not exist. */
const BeforeAfterSchema = z.tuple([z.number().int().nullable(), z.number().int().nullable()]);
/** A code added or removed by a release. */
const CodeChangeSchema = z.strictObject({ /** The code's id. */ id: z.string(), /** Its label. */ label: z.string() });

/** What changed in the findings between a release and the one before it (one entry of releases.json). */
export const ReleaseChangesSchema = z.strictObject({
  /** The release's version. */
  version: VersionSchema,
  /** The release's date. */
  date: DateTextSchema,
  /** The DOI minted for it, if recorded. */
  doi: z.string().optional(),
  /** The version before it; absent for the first release. */
  previous: z.string().optional(),
  /** What it published. */
  counts: z.strictObject({
    /** Participants. */
    participants: z.number().int(),
    /** Excerpts. */
    excerpts: z.number().int(),
    /** Themes. */
    themes: z.number().int(),
    /** Codes. */
    codes: z.number().int(),
  }),
  /** Excerpts it changed. */
  excerpts: z.strictObject({
    /** Ids of excerpts it added. */
    added: z.array(z.string()),
    /** Excerpts it withdrew, with the reason withdrawn.yaml gives. */
    withdrawn: z.array(
      z.strictObject({ /** Excerpt id. */ id: z.string(), /** Why. */ reason: z.string().optional() }),
    ),
    /** Published text changed (the diff holds only published, anonymized words). */
    edited: z.array(
      z.strictObject({ /** Excerpt id. */ id: z.string(), /** The word diff. */ diff: z.array(DiffPartSchema) }),
    ),
    /** Text changed by a new redaction: listed without the old words. */
    redacted: z.array(z.string()),
    /** Same text, other codes. */
    recoded: z.array(
      z.strictObject({
        /** Excerpt id. */
        id: z.string(),
        /** Code ids added. */
        added: z.array(z.string()),
        /** Code ids removed. */
        removed: z.array(z.string()),
      }),
    ),
  }),
  /** Codes it changed. */
  codes: z.strictObject({
    /** Codes added. */
    added: z.array(CodeChangeSchema),
    /** Codes removed. */
    removed: z.array(CodeChangeSchema),
    /** Codes whose label changed. */
    renamed: z.array(
      z.strictObject({
        /** Code id. */ id: z.string(),
        /** Old label. */ from: z.string(),
        /** New label. */ to: z.string(),
      }),
    ),
    /** Codes moved to another theme or subtheme ("Theme label / subtheme id"). */
    moved: z.array(
      z.strictObject({
        /** Code id. */
        id: z.string(),
        /** Its label. */
        label: z.string(),
        /** Where it was. */
        from: z.string(),
        /** Where it is. */
        to: z.string(),
      }),
    ),
  }),
  /** Themes whose label, summary or counts changed, or that were added or removed. */
  themes: z.array(
    z.strictObject({
      /** Theme id. */
      id: z.string(),
      /** Its label (the new one). */
      label: z.string(),
      /** What happened to it. */
      status: z.enum(['added', 'removed', 'changed']),
      /** Excerpts before and after. */
      excerpts: BeforeAfterSchema,
      /** Participants before and after. */
      participants: BeforeAfterSchema,
      /** Of N participants, before and after. */
      of: BeforeAfterSchema,
      /** The old label, when it changed. */
      labelFrom: z.string().optional(),
      /** A word diff of the summary, when it changed. */
      summary: z.array(DiffPartSchema).optional(),
    }),
  ),
  /** "2 themes changed; 14 excerpts added; 1 withdrawn" */
  headline: z.string(),
});

/** A withdrawn id: published by some release, absent now (one entry of tombstones.json). */
export const TombstoneSchema = z.strictObject({
  /** The excerpt id. */
  id: z.string(),
  /** The release that withdrew it; absent while the withdrawal is unreleased. */
  withdrawnIn: z.string().optional(),
  /** Why, as withdrawn.yaml says. */
  reason: z.string().optional(),
});

export type ReleaseState = z.infer<typeof ReleaseStateSchema>;
export type ReleaseSummary = z.infer<typeof ReleaseSummarySchema>;
export type ReleaseChanges = z.infer<typeof ReleaseChangesSchema>;
export type Tombstone = z.infer<typeof TombstoneSchema>;
