/**
 * What every chart's script does first: show the controls and the details line that are hidden
 * in the HTML (they do nothing without JavaScript). Shared, so each chart's script imports it and
 * the bundler keeps the scripts as files rather than inlining them (a strict CSP allows files only).
 */

/** Unhides the figure's [data-controls] and [data-details], and returns its live region. */
export function revealChrome(figure: HTMLElement): HTMLElement {
  for (const el of figure.querySelectorAll<HTMLElement>('[data-controls], [data-details]')) el.hidden = false;
  return figure.querySelector<HTMLElement>('[data-live]')!;
}
