/** The explorer's state and its URL form, kept pure so it can be tested without a browser. */

/** A query and the selected values of each filter group (OR within a group, AND across groups). */
export interface State {
  q: string;
  filters: Record<string, string[]>;
}

/** Counts per filter value, as Pagefind reports them. */
export type Filters = Record<string, Record<string, number>>;

/** The parts of Pagefind's browser API the explorer uses. */
export interface Handle {
  data(): Promise<{
    url: string;
    excerpt: string;
    content: string;
    meta: Record<string, string>;
    filters: Record<string, string[]>;
  }>;
}
export interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  /** Adds another index (a shard of this one) to every search; results and filter counts are merged. */
  mergeIndex(path: string, o?: Record<string, unknown>): Promise<void>;
  filters(): Promise<Filters>;
  search(
    q: string | null,
    o: { filters: Record<string, { any: string[] }> },
  ): Promise<{ results: Handle[]; filters: Filters }>;
}

/** Reads `?q=trust&theme=a&theme=b` into a state; unknown parameters are ignored. */
export function readState(search: string, groups: string[]): State {
  const params = new URLSearchParams(search);
  const filters: Record<string, string[]> = {};
  for (const g of groups) {
    const values = params.getAll(g).filter(Boolean);
    if (values.length) filters[g] = [...new Set(values)];
  }
  return { q: params.get('q') ?? '', filters };
}

/** Writes a state as a query string: q first, then groups in a stable order, values sorted. */
export function stateToSearch(state: State): string {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  for (const g of Object.keys(state.filters).sort()) for (const v of [...state.filters[g]].sort()) params.append(g, v);
  return params.toString();
}

/** Pagefind's filter argument: any of the selected values within a group. */
export function filterPayload(filters: Record<string, string[]>): Record<string, { any: string[] }> {
  return Object.fromEntries(
    Object.entries(filters)
      .filter(([, v]) => v.length)
      .map(([g, v]) => [g, { any: v }]),
  );
}

/**
 * The count beside each filter value: how many excerpts the search would return if the reader
 * ticked it (for a ticked value, how many of the current results carry it). `current` holds
 * Pagefind's counts for the current results (`n` of them); `without[g]`, for each group with ticked
 * values, the counts of a search with that group's filter left out. Ticking v in such a group
 * returns the current results plus the excerpts with v that the group's other values missed:
 * n + without[g][v] - current[g][v].
 */
export function countsIfTicked(
  filters: Record<string, string[]>,
  n: number,
  current: Filters,
  without: Filters,
): Filters {
  const out: Filters = {};
  for (const group of new Set([...Object.keys(current), ...Object.keys(without)])) {
    const ticked = filters[group] ?? [];
    const values = new Set([...Object.keys(current[group] ?? {}), ...Object.keys(without[group] ?? {})]);
    out[group] = Object.fromEntries(
      [...values].map((v) => {
        const here = current[group]?.[v] ?? 0;
        if (!ticked.length || ticked.includes(v)) return [v, here];
        return [v, n + (without[group]?.[v] ?? 0) - here];
      }),
    );
  }
  return out;
}
