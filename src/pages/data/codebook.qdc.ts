/** /data/codebook.qdc: the codebook as a REFI-QDA codebook, generated at build time (fields in the data dictionary). */
import { serve } from './_serve.ts';

export const GET = serve('codebook.qdc');
