/**
 * Loads the theme map's interaction when it is wanted: at once on the maps page, elsewhere on the
 * reader's first pointer or keyboard visit to the map. A keyboard visit ends on the tree's item
 * in the tab order, as the tree pattern expects. A tap that arrives before the interaction has
 * loaded previews its band rather than opening it, as every later first tap does.
 */
type MapApi = { preview(el: Element | null): boolean };

for (const figure of document.querySelectorAll<HTMLElement>('[data-theme-map]')) {
  let loading: Promise<MapApi> | undefined;
  let ready = false;
  const load = () =>
    (loading ??= import('./theme-map.ts').then(({ setUp }) => {
      const map = setUp(figure);
      ready = true;
      return map;
    }));
  const start = async (event?: Event) => {
    await load();
    if (event?.type === 'focusin' && figure.contains(document.activeElement)) {
      figure
        .querySelector<SVGElement>('.map-wide [role="treeitem"][tabindex="0"], [role="treeitem"][tabindex="0"]')
        ?.focus();
    }
  };
  let touch = false;
  figure.addEventListener(
    'pointerdown',
    (event) => {
      touch = event.pointerType !== 'mouse';
    },
    { capture: true },
  );
  figure.addEventListener(
    'click',
    (event) => {
      const band = (event.target as Element).closest('.map-node');
      if (ready || !touch || !band) return; // once loaded, the map's own handler decides
      event.preventDefault();
      void load().then((map) => map.preview(band));
    },
    { capture: true },
  );
  if (figure.dataset.eager !== undefined) void start();
  else {
    figure.addEventListener('pointerenter', start, { once: true });
    figure.addEventListener('focusin', start, { once: true });
  }
}
