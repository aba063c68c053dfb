/** The study's originals in Arabic script (Urdu, Shahmukhi Punjabi), by excerpt id: what the Urdu face must draw. */
import { excerpts } from '../../lib/excerpts';

export interface Original {
  id: string;
  text: string;
}

let originals: { of: unknown; list: Original[] } | undefined;
export function arabicOriginals(): Original[] {
  const all = excerpts();
  // Listed again only when the excerpts change (npm run dev rewriting excerpts.json).
  if (originals?.of !== all) {
    const list = all
      .flatMap((e) =>
        e.originalText && /\p{Script=Arabic}/u.test(e.originalText) ? [{ id: e.id, text: e.originalText }] : [],
      )
      .sort((a, b) => a.id.localeCompare(b.id));
    originals = { of: all, list };
  }
  return originals.list;
}
