/** /data/citation.ris: the article's citation in RIS, generated at build time (fields in the data dictionary). */
import { serve } from './_serve.ts';

export const GET = serve('citation.ris');
