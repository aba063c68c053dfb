/** /data/data-dictionary.csv: every column of every download and its meaning, generated at build time (fields in the data dictionary). */
import { serve } from './_serve.ts';

export const GET = serve('data-dictionary.csv');
