/** Starts Pagefind's UI on the excerpts page and runs the query from `?q=` (the header form). */
declare global {
  interface Window { PagefindUI?: new (options: Record<string, unknown>) => { triggerSearch(term: string): void } }
}

const host = document.querySelector<HTMLElement>('#search');
if (host && window.PagefindUI) {
  const ui = new window.PagefindUI({ element: '#search', bundlePath: host.dataset.bundle, showSubResults: false, showImages: false, resetStyles: false });
  const q = new URLSearchParams(location.search).get('q');
  if (q) ui.triggerSearch(q);
}
export {};
