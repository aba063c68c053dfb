/** /data/excerpts.json: the anonymized excerpts as JSON, generated at build time (fields in the data dictionary). */
import { serve } from './_serve.ts';

export const GET = serve('excerpts.json');
