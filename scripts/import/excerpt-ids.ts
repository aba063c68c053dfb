/**
 * Excerpt ids on a re-import. A passage keeps the id the last import gave it when the record
 * (import-record.json) knows it by selection GUID, by source and span, or by source and text;
 * a passage whose text was corrected in the tool (same source, and a span sharing at least half
 * of the shorter one, or else mostly the same words) keeps its id too and is reported as edited. Only new passages
 * get new ids, and never one the record holds, so no URL moves and no URL changes meaning.
 */
import { excerptIdsFromGuids } from './ids.ts';
import type { RawExcerpt } from './model.ts';
import { nameDigest, textDigest, type ImportRecord, type RecordExcerpt } from './record.ts';

/** Ids per excerpt (same order as given), and what changed since the record. */
export interface ExcerptIds {
  ids: string[];
  /** Ids kept for passages whose text changed in the tool. */
  edited: string[];
  /** Ids of passages the record does not know. */
  added: string[];
  /** Ids of the record that no passage has any more. */
  gone: string[];
}

/** The source of an excerpt known only from excerpts.csv: any document. */
const ANY = '*';

const words = (text: string) => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

/** Dice coefficient of the word sets: 1 for the same words, 0 for none in common. */
function similarity(a: string, b: string): number {
  const [x, y] = [words(a), words(b)];
  if (!x.size || !y.size) return 0;
  let common = 0;
  for (const w of x) if (y.has(w)) common++;
  return (2 * common) / (x.size + y.size);
}

const overlap = (a: [number, number], b: [number, number]) => Math.min(a[1], b[1]) - Math.max(a[0], b[0]);

/**
 * Assigns ids; `previousTexts` are excerpts.csv texts by id, to compare passages without spans;
 * `reserved` ids (published by a release) are never handed to a new passage.
 */
export function assignExcerptIds(
  excerpts: RawExcerpt[],
  record?: ImportRecord,
  previousTexts = new Map<string, string>(),
  reserved: Iterable<string> = [],
): ExcerptIds {
  const hexOf = (e: RawExcerpt) => ('guid' in e.idFrom ? e.idFrom.guid : e.idFrom.content);
  const natural = excerptIdsFromGuids(excerpts.map(hexOf));
  if (!record && !previousTexts.size)
    return { ids: excerpts.map((e) => natural.get(hexOf(e))!), edited: [], added: [], gone: [] };
  // A folder imported before records existed: its excerpts.csv still says which text had which id.
  const known: ImportRecord = record ?? {
    version: 1,
    nodes: {},
    participants: {},
    excerpts: Object.fromEntries([...previousTexts].map(([id, text]) => [id, { source: ANY, text: textDigest(text) }])),
  };

  const entries = Object.entries(known.excerpts);
  const claimed = new Set<string>();
  const ids: (string | undefined)[] = excerpts.map(() => undefined);
  const edited: string[] = [];
  const index = new Map<string, string[]>();
  const add = (key: string, id: string) => index.set(key, [...(index.get(key) ?? []), id]);
  for (const [id, r] of entries) {
    if (r.guid) add(`g:${r.guid}`, id);
    if (r.span) add(`s:${r.source}:${r.span.join('-')}`, id);
    add(`t:${r.source}:${r.text}`, id);
  }
  const source = excerpts.map((e) => nameDigest(e.document));
  // Exact matches first, so that an edited passage never takes the id of an unchanged one.
  excerpts.forEach((e, i) => {
    const keys = [
      'guid' in e.idFrom ? `g:${e.idFrom.guid}` : '',
      e.span ? `s:${source[i]}:${e.span.join('-')}` : '',
      `t:${source[i]}:${textDigest(e.text)}`,
      `t:${ANY}:${textDigest(e.text)}`,
    ];
    const id = keys.flatMap((k) => index.get(k) ?? []).find((c) => !claimed.has(c));
    if (id) {
      ids[i] = id;
      claimed.add(id);
    }
  });
  const bySource = new Map<string, [string, RecordExcerpt][]>();
  for (const entry of entries) bySource.set(entry[1].source, [...(bySource.get(entry[1].source) ?? []), entry]);
  excerpts.forEach((e, i) => {
    if (ids[i]) return;
    let best: { id: string; score: number } | undefined;
    for (const [id, r] of [...(bySource.get(source[i]) ?? []), ...(bySource.get(ANY) ?? [])]) {
      if (claimed.has(id)) continue;
      // Spans that share at least half of the shorter one; else mostly the same words.
      const shared =
        e.span && r.span
          ? overlap(e.span, r.span) / Math.max(1, Math.min(e.span[1] - e.span[0], r.span[1] - r.span[0]))
          : 0;
      const previous = previousTexts.get(id);
      const words = previous === undefined ? 0 : similarity(previous, e.text);
      const score = shared >= 0.5 ? 1 + shared : words >= 0.5 ? words : 0;
      if (score > 0 && (!best || score > best.score)) best = { id, score };
    }
    if (best) {
      ids[i] = best.id;
      claimed.add(best.id);
      edited.push(best.id);
    }
  });
  // New passages: their natural id, lengthened while the record or another passage holds it.
  const taken = new Set([
    ...entries.map(([id]) => id),
    ...(record?.retired ?? []),
    ...reserved,
    ...ids.filter((x): x is string => !!x),
  ]);
  const added: string[] = [];
  excerpts.forEach((e, i) => {
    if (ids[i]) return;
    const hex = hexOf(e);
    let id = natural.get(hex)!;
    for (let n = id.length; taken.has(id) && n <= hex.length; n++) id = `E${hex.slice(0, n).toUpperCase()}`;
    ids[i] = id;
    taken.add(id);
    added.push(id);
  });
  return {
    ids: ids as string[],
    edited: edited.sort(),
    added: added.sort(),
    gone: entries
      .map(([id]) => id)
      .filter((id) => !claimed.has(id))
      .sort(),
  };
}
