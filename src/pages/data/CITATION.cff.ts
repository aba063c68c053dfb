/** /data/CITATION.cff: how to cite this site and its data, generated at build time (fields in the data dictionary). */
import { serve } from './_serve.ts';

export const GET = serve('CITATION.cff');
