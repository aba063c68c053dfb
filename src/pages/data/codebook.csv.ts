/** /data/codebook.csv: the codebook, one row per code, generated at build time (fields in the data dictionary). */
import { serve } from './_serve.ts';

export const GET = serve('codebook.csv');
