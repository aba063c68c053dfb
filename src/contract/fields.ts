/** Field schemas shared by the study folder's schemas (scripts/lib/schema.ts) and the generated data. */
import { z } from 'zod';

/** A stable identifier: lowercase words joined by hyphens (`time-saved`), used in URLs. */
export const SlugSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lowercase letters, digits and hyphens');
/** A text that must say something. */
export const TextSchema = z.string().trim().min(1, 'a non-empty text');
/** A calendar date written YYYY-MM-DD, as the generated data holds it. */
export const DateTextSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a date like 2025-10-07');
/** A calendar date written YYYY-MM-DD (quoted or not: YAML reads both as text here). */
export const IsoDateSchema = z
  .union([z.string(), z.date().transform((d) => d.toISOString().slice(0, 10))])
  .pipe(DateTextSchema);
/** A DOI without the resolver prefix, e.g. `10.1177/00912174251387812`. */
export const DoiSchema = z.string().regex(/^10\.\d{4,9}\/\S+$/, 'a DOI like 10.1177/00912174251387812');
/** A count of something: zero or more. */
export const CountNumberSchema = z.number().int().min(0);
