/**
 * Astro writes its Content-Security-Policy <meta> where it injects head content, at the end of
 * <head>, after the layout's stylesheet, icon and canonical links. A policy in a <meta> governs
 * only what comes after it, so it is moved to the start of <head>: right after <meta charset>
 * (which must stay in the first bytes), before any stylesheet, icon, link or script.
 */
const CSP = /<meta http-equiv="content-security-policy"[^>]*>/i;
const CHARSET = /^<meta charset=[^>]*>/i;

/** The page with its CSP <meta> first in <head>; unchanged when it has none or it is first already. */
export function cspFirst(html: string): string {
  const head = html.search(/<head(?:\s[^>]*)?>/i);
  if (head < 0) return html;
  const headEnd = html.indexOf('</head>', head);
  const csp = CSP.exec(html.slice(head, headEnd < 0 ? undefined : headEnd));
  if (!csp) return html;
  const start = head + csp.index;
  const without = html.slice(0, start) + html.slice(start + csp[0].length);
  let at = html.indexOf('>', head) + 1;
  const charset = CHARSET.exec(without.slice(at).trimStart());
  if (charset) at = without.indexOf(charset[0], at) + charset[0].length;
  return without.slice(0, at) + csp[0] + without.slice(at);
}
