/** The study's originals in Arabic script (Urdu, Shahmukhi Punjabi), by excerpt id: what the Urdu face must draw. */
import { getCollection } from 'astro:content';

export interface Original {
  id: string;
  text: string;
}

let originals: Promise<Original[]> | undefined;
export function arabicOriginals(): Promise<Original[]> {
  return (originals ??= getCollection('excerpts').then((excerpts) =>
    excerpts
      .flatMap(({ data }) =>
        data.originalText && /\p{Script=Arabic}/u.test(data.originalText)
          ? [{ id: data.id, text: data.originalText }]
          : [],
      )
      .sort((a, b) => a.id.localeCompare(b.id)),
  ));
}
