/**
 * Loads the theme map's interaction when it is wanted: at once on the maps page, elsewhere on the
 * reader's first pointer or keyboard visit to the map. A keyboard visit ends on the tree's item
 * in the tab order, as the tree pattern expects.
 */
for (const figure of document.querySelectorAll<HTMLElement>('[data-theme-map]')) {
  let started = false;
  const start = async (event?: Event) => {
    if (started) return;
    started = true;
    const { setUp } = await import('./theme-map.ts');
    setUp(figure);
    if (event?.type === 'focusin' && figure.contains(document.activeElement)) {
      figure.querySelector<SVGElement>('.map-wide [role="treeitem"][tabindex="0"], [role="treeitem"][tabindex="0"]')?.focus();
    }
  };
  if (figure.dataset.eager !== undefined) void start();
  else {
    figure.addEventListener('pointerenter', start, { once: true });
    figure.addEventListener('focusin', start, { once: true });
  }
}
