/** /data/citation.json: the article's CSL-JSON record, generated at build time (fields in the data dictionary). */
import { serve } from './_serve.ts';

export const GET = serve('citation.json');
