/**
 * Everything the site counts, recomputed from the coded excerpts: participants and excerpts per
 * theme, subtheme and code; co-occurrence; the participant x theme matrix; related themes.
 */
import type { Codebook, Count, ExcerptRecord, MatrixRow, Pair, PublicParticipant } from '../../src/contract/index.ts';

export type { Count, Pair };

/** Counts for the whole codebook, keyed by theme, subtheme or code id. */
export interface Derived {
  counts: Record<string, Count>;
  codePairs: Pair[];
  themePairs: Pair[];
  /** Per theme id, the other themes ordered by shared excerpts (most first), without zeros. */
  related: Record<string, { id: string; excerpts: number }[]>;
  /** Participant x theme: excerpts per cell, rows in pseudonym order, columns in codebook order. */
  matrix: MatrixRow[];
}

/** Maps every code id to its subtheme and theme ids. */
export function indexCodebook(codebook: Codebook): Map<string, { subtheme: string; theme: string }> {
  const index = new Map<string, { subtheme: string; theme: string }>();
  for (const t of codebook.themes)
    for (const s of t.subthemes) for (const c of s.codes) index.set(c.id, { subtheme: s.id, theme: t.id });
  return index;
}

function countPairs(lists: string[][]): Pair[] {
  const pairs = new Map<string, number>();
  for (const list of lists) {
    const ids = [...new Set(list)].sort();
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++) {
        const key = `${ids[i]}\u0000${ids[j]}`;
        pairs.set(key, (pairs.get(key) ?? 0) + 1);
      }
  }
  return [...pairs]
    .map(([key, excerpts]) => {
      const [a, b] = key.split('\u0000');
      return { a, b, excerpts };
    })
    .sort((x, y) => y.excerpts - x.excerpts || x.a.localeCompare(y.a) || x.b.localeCompare(y.b));
}

/** Derives every count from the excerpts. Participants are counted once per node, however often they spoke. */
export function deriveCounts(
  codebook: Codebook,
  excerpts: ExcerptRecord[],
  participants: PublicParticipant[],
): Derived {
  const index = indexCodebook(codebook);
  const people = new Map<string, Set<string>>();
  const tally = new Map<string, number>();
  for (const e of excerpts) {
    const nodes = new Set(
      e.codes.flatMap((c) => {
        const n = index.get(c)!;
        return [c, n.subtheme, n.theme];
      }),
    );
    for (const id of nodes) {
      tally.set(id, (tally.get(id) ?? 0) + 1);
      if (!people.has(id)) people.set(id, new Set());
      people.get(id)!.add(e.participant);
    }
  }
  const counts: Record<string, Count> = {};
  for (const t of codebook.themes)
    for (const id of [t.id, ...t.subthemes.flatMap((s) => [s.id, ...s.codes.map((c) => c.id)])]) {
      counts[id] = { participants: people.get(id)?.size ?? 0, excerpts: tally.get(id) ?? 0 };
    }
  const themePairs = countPairs(excerpts.map((e) => e.themes));
  const related: Derived['related'] = {};
  for (const t of codebook.themes) {
    related[t.id] = themePairs
      .filter((p) => p.a === t.id || p.b === t.id)
      .map((p) => ({ id: p.a === t.id ? p.b : p.a, excerpts: p.excerpts }));
  }
  const themeIds = codebook.themes.map((t) => t.id);
  const rows = new Map(
    participants.map((p): [string, MatrixRow] => [
      p.id,
      { participant: p.id, descriptor: p.descriptor, attributes: p.attributes, counts: themeIds.map(() => 0) },
    ]),
  );
  for (const e of excerpts) for (const t of e.themes) rows.get(e.participant)!.counts[themeIds.indexOf(t)]++;
  const matrix = [...rows.values()].sort((a, b) => a.participant.localeCompare(b.participant, 'en', { numeric: true }));
  return { counts, codePairs: countPairs(excerpts.map((e) => e.codes)), themePairs, related, matrix };
}
