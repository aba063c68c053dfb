/** /data/excerpts.csv: the anonymized excerpts as CSV, generated at build time (fields in the data dictionary). */
import { serve } from './_serve.ts';

export const GET = serve('excerpts.csv');
