/** /data/participants.csv: participants' pseudonyms and shown attributes only, generated at build time (fields in the data dictionary). */
import { serve } from './_serve.ts';

export const GET = serve('participants.csv');
