/** Page-weight budgets (gzip bytes), checked on the built site by the tests and printed by `npm run measure`. */

/**
 * HTML+CSS of any page; JavaScript loaded with the page (`js`) and including what it loads on
 * first use (`jsWithLazy`: the theme map on the home and theme pages loads its interaction when
 * the reader first points at or tabs into it).
 */
export const BUDGETS = {
  reading: { htmlCss: 40 * 1024, js: 5 * 1024, jsWithLazy: 35 * 1024 },
  map: { htmlCss: 40 * 1024, js: 35 * 1024, jsWithLazy: 35 * 1024 },
  search: { htmlCss: 40 * 1024, js: 35 * 1024, jsWithLazy: 35 * 1024 },
  other: { htmlCss: 40 * 1024, js: 35 * 1024, jsWithLazy: 35 * 1024 },
} as const;

/** Which budget a page falls under, from its path in the built site. */
export function pageKind(page: string): keyof typeof BUDGETS {
  if (page.startsWith('maps/')) return 'map';
  if (page === 'excerpts/index.html') return 'search';
  if (page === 'index.html' || /^(themes|methods|brief|participants|about|excerpts)\//.test(page)) return 'reading';
  return 'other';
}
