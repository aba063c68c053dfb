/** /data/citation.bib: the article's citation in BibTeX, generated at build time (fields in the data dictionary). */
import { serve } from './_serve.ts';

export const GET = serve('citation.bib');
