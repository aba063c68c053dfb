/**
 * The excerpt explorer: full-text search and filters over Pagefind's index, with the query and
 * filters in the URL (shareable, back button works) and the result count announced.
 */
import {
  type Filters,
  type Handle,
  type Pagefind,
  type State,
  countsIfTicked,
  filterPayload,
  readState,
  stateToSearch,
} from './explorer-state.ts';
import { snippetNodes } from './snippet.ts';
import { count, EXCERPT, formatCount } from '../lib/plural.ts';

const PAGE = 20;
const root = document.querySelector<HTMLElement>('#explorer');

if (root)
  start(root).catch((e: unknown) => {
    const status = root.querySelector('#explorer-status');
    if (status) status.textContent = `Search could not start (${String(e)}). Browse by theme below.`;
  });

async function start(root: HTMLElement): Promise<void> {
  const bundle = root.dataset.bundle!;
  const labels = JSON.parse(root.dataset.labels!) as Record<string, Record<string, string>>;
  const groups = JSON.parse(root.dataset.groups!) as [string, string][];
  const pagefind = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as Pagefind;
  const baseUrl = bundle.replace(/pagefind\/$/, '');
  await pagefind.options({ excerptLength: 60, baseUrl });
  // A study with much text has its index in shards (scripts/lib/search-index.ts): shards.json lists
  // the others, and Pagefind searches them all, adding up the filter counts.
  const shards = (await fetch(`${bundle}shards.json`).then((r) => (r.ok ? r.json() : []))) as string[];
  await Promise.all(shards.map((shard) => pagefind.mergeIndex(`${bundle}${shard}`, { excerptLength: 60, baseUrl })));
  const totals = await pagefind.filters();
  // On a narrow screen the filters start folded, so the results are not pushed below them.
  root.querySelector<HTMLDetailsElement>('#explorer-panel')!.open = matchMedia('(min-width: 50rem)').matches;

  const form = root.querySelector<HTMLFormElement>('#explorer-form')!;
  const input = root.querySelector<HTMLInputElement>('#explorer-q')!;
  const status = root.querySelector<HTMLElement>('#explorer-status')!;
  const list = root.querySelector<HTMLOListElement>('#explorer-list')!;
  const more = root.querySelector<HTMLButtonElement>('#explorer-more')!;
  const filterBox = root.querySelector<HTMLElement>('#explorer-filters')!;
  const label = (group: string, value: string) => labels[group]?.[value] ?? value;

  let state: State = readState(
    location.search,
    groups.map(([g]) => g),
  );
  let results: Handle[] = [];
  let shown = 0;
  let run = 0;

  async function update(push: boolean | 'replace'): Promise<void> {
    const query = stateToSearch(state);
    if (push === true) history.pushState(null, '', query ? `?${query}` : location.pathname);
    if (push === 'replace') history.replaceState(null, '', query ? `?${query}` : location.pathname);
    const mine = ++run;
    const active = state.q.trim() !== '' || Object.values(state.filters).some((v) => v.length);
    const q = state.q.trim() || null;
    const search = active ? await pagefind.search(q, { filters: filterPayload(state.filters) }) : null;
    // Within a group values are ORed, so a group with ticked values is counted as if it were not
    // there (one more search per such group); countsIfTicked turns that into what ticking gives.
    const without: Filters = {};
    for (const [group, values] of Object.entries(state.filters)) {
      if (!values.length) continue;
      const others = Object.fromEntries(Object.entries(state.filters).filter(([g]) => g !== group));
      const unfiltered = !q && !Object.values(others).some((v) => v.length);
      without[group] = unfiltered
        ? (totals[group] ?? {})
        : ((await pagefind.search(q, { filters: filterPayload(others) })).filters[group] ?? {});
    }
    if (mine !== run) return; // a newer search has started
    results = search?.results ?? [];
    renderFilters(search ? countsIfTicked(state.filters, search.results.length, search.filters, without) : totals);
    list.replaceChildren();
    shown = 0;
    await showMore(false);
    status.textContent = active
      ? describe(results.length)
      : 'Type a word, or choose a theme, code or participant group.';
  }

  function describe(n: number): string {
    const parts = Object.entries(state.filters)
      .filter(([, v]) => v.length)
      .map(([g, v]) => `${groups.find(([k]) => k === g)?.[1] ?? g}: ${v.map((x) => label(g, x)).join(' or ')}`);
    const query = state.q.trim() ? ` for \u201c${state.q.trim()}\u201d` : '';
    return `${count(n, EXCERPT)}${query}${parts.length ? ` · ${parts.join(' · ')}` : ''}`;
  }

  async function showMore(focus: boolean): Promise<void> {
    const next = results.slice(shown, shown + PAGE);
    const items = await Promise.all(next.map((r) => r.data()));
    const first = list.children.length;
    for (const data of items) list.append(resultItem(data, label));
    shown += next.length;
    more.hidden = shown >= results.length;
    more.textContent = `Show more (${results.length - shown} left)`;
    if (focus) list.children[first]?.querySelector('a')?.focus();
  }

  function renderFilters(counts: Filters): void {
    filterBox.replaceChildren(
      ...groups.map(([group, title]) => {
        const values = Object.keys(totals[group] ?? {});
        const order = labels[group] ? Object.keys(labels[group]).filter((v) => values.includes(v)) : values.sort();
        const fieldset = document.createElement('fieldset');
        const legend = document.createElement('legend');
        legend.textContent = title;
        fieldset.append(legend);
        for (const value of order) {
          const n = counts[group]?.[value] ?? 0;
          const checked = state.filters[group]?.includes(value) ?? false;
          const row = document.createElement('label');
          const box = Object.assign(document.createElement('input'), { type: 'checkbox', name: group, value, checked });
          const text = document.createElement('span');
          text.textContent = label(group, value);
          const tally = document.createElement('span');
          tally.className = 'n';
          tally.textContent = formatCount(n);
          tally.setAttribute('aria-label', count(n, EXCERPT));
          if (!n && !checked) row.classList.add('zero');
          row.append(box, text, tally);
          fieldset.append(row);
        }
        if (group !== 'code') return fieldset;
        const details = document.createElement('details');
        details.open = (state.filters.code?.length ?? 0) > 0;
        const summary = document.createElement('summary');
        summary.textContent = `Codes (${order.length})`;
        legend.classList.add('visually-hidden');
        details.append(summary, fieldset);
        return details;
      }),
    );
  }

  let typing: ReturnType<typeof setTimeout> | undefined;
  input.value = state.q;
  input.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => {
      state = { ...state, q: input.value };
      void update('replace');
    }, 250);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(typing);
    state = { ...state, q: input.value };
    void update(true);
  });
  filterBox.addEventListener('change', (event) => {
    const box = event.target as HTMLInputElement;
    const current = new Set(state.filters[box.name] ?? []);
    if (box.checked) current.add(box.value);
    else current.delete(box.value);
    state = { ...state, filters: { ...state.filters, [box.name]: [...current] } };
    void update(true);
  });
  root.querySelector('#explorer-clear')!.addEventListener('click', () => {
    state = { q: '', filters: {} };
    input.value = '';
    void update(true);
    input.focus();
  });
  more.addEventListener('click', () => void showMore(true));
  window.addEventListener('popstate', () => {
    state = readState(
      location.search,
      groups.map(([g]) => g),
    );
    input.value = state.q;
    void update(false);
  });
  // Shown only now that it works: typing before this would submit the form as a plain GET.
  root.hidden = false;
  await update(false);
}

/** One result: the excerpt with Pagefind's highlights, built as DOM nodes (never as HTML). */
function resultItem(
  data: Awaited<ReturnType<Handle['data']>>,
  label: (group: string, value: string) => string,
): HTMLLIElement {
  const li = document.createElement('li');
  // The excerpt's own cut of the Urdu face applies to its original (fonts/faces.css), as on its page.
  if (data.meta.id) li.dataset.excerpt = data.meta.id;
  const quote = document.createElement('blockquote');
  const p = document.createElement('p');
  p.append(snippetNodes(document, data.excerpt, data.content, data.filters.lang?.[0] ?? 'ur'));
  quote.append(p);
  const meta = document.createElement('p');
  meta.className = 'meta';
  const link = Object.assign(document.createElement('a'), { href: data.url, textContent: data.meta.id ?? data.url });
  const themes = (data.filters.theme ?? []).map((t) => label('theme', t)).join('; ');
  meta.append(link, ` · ${data.meta.who ?? ''}${themes ? ` · ${themes}` : ''}`);
  li.append(quote, meta);
  return li;
}
