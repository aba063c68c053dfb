/**
 * The theme map's interaction, added to the SVG that Astro wrote: size by excerpts or
 * participants, zoom into a branch, details on hover and focus (announced politely), and the
 * keyboard tree. Both drawn variants (wide and narrow) follow one state; CSS shows one of them.
 */
import { type MapNode, type MapState, type Measure, lineage, readMap, zoomToReveal } from './map-model.ts';
import { renderMap, ringAround } from './map-render.ts';
import { revealChrome } from './chart-chrome.ts';
import { makeTree } from './tree-keys.ts';

const KIND: Record<string, string> = { theme: 'Theme', subtheme: 'Subtheme', code: 'Code' };

/**
 * Adds the interaction to one map figure. Returns `preview`, which shows a band's details without
 * following its link: what a first tap on a touch screen does (the second tap opens it).
 */
export function setUp(figure: HTMLElement): { preview(el: Element | null): boolean } {
  const total = figure.dataset.total;
  const views = [...figure.querySelectorAll<SVGSVGElement>('.map-svg')].map(readMap);
  const state: MapState = { measure: 'excerpts', zoom: '' };
  const controls = figure.querySelector<HTMLElement>('[data-controls]')!;
  const zoomSelect = controls.querySelector<HTMLSelectElement>('[data-zoom]')!;
  const details = figure.querySelector<HTMLElement>('[data-details]')!;
  const live = revealChrome(figure);
  const definition = details.querySelector<HTMLElement>('[data-definition]')!;
  let focused: string | null = null;
  let previewed: string | null = null;
  let pointer = '';
  const open = details.querySelector<HTMLAnchorElement>('[data-open]')!;

  function draw(animate: boolean): void {
    for (const view of views) {
      renderMap(view, state, animate);
      ringAround(view, focused ? view.byId.get(focused)! : null, state, animate);
    }
    zoomSelect.value = state.zoom;
  }

  function show(node: MapNode | null): void {
    if (!node) {
      live.textContent = '';
      definition.textContent = '';
      return;
    }
    const within = lineage(node)
      .slice(0, -1)
      .map((n) => n.label)
      .join(' › ');
    const { excerpts, participants } = node.count;
    live.textContent = `${KIND[node.kind]}: ${node.label}${within ? ` (in ${within})` : ''}. ${excerpts} excerpt${excerpts === 1 ? '' : 's'}, voiced by ${participants} of ${total} participant${total === '1' ? '' : 's'}.`;
    definition.textContent = node.el.querySelector('desc')?.textContent ?? '';
    open.href = node.el.getAttribute('href') ?? '';
    open.textContent = `Open ${node.label}`;
    open.hidden = pointer !== 'touch' && pointer !== 'pen';
  }

  function preview(el: Element | null): boolean {
    const view = views.find((v) => v.nodes.some((n) => n.el === el));
    const node = view?.nodes.find((n) => n.el === el);
    if (!view || !node || previewed === node.id) return false;
    previewed = node.id;
    pointer = pointer || 'touch';
    show(node);
    ringAround(view, node, state, true);
    details.scrollIntoView({ block: 'nearest' });
    return true;
  }

  const zoomTo = (zoom: string) => {
    if (zoom !== state.zoom) {
      state.zoom = zoom;
      draw(true);
    }
  };

  for (const view of views) {
    const tree = view.svg.querySelector('[data-tree]')!;
    const current = view.nodes.find((n) => n.el.getAttribute('aria-current') === 'page');
    makeTree(
      tree,
      view.nodes,
      tree.getAttribute('aria-label') ?? 'Theme map',
      {
        onMove(node) {
          zoomTo(zoomToReveal(view, node, state));
          node.el.focus();
        },
        onOpen(node) {
          location.assign(node.el.getAttribute('href')!);
        },
        onEscape() {
          zoomTo('');
        },
      },
      current,
    );
    tree.addEventListener('focusin', (event) => {
      const node = view.nodes.find((n) => n.el === event.target);
      if (!node) return;
      focused = node.id;
      show(node);
      ringAround(view, node, state, true);
    });
    tree.addEventListener('focusout', () => {
      focused = null;
      ringAround(view, null, state, false);
    });
    tree.addEventListener('pointerover', (event) => {
      const el = (event.target as Element).closest('.map-node');
      show(view.nodes.find((n) => n.el === el) ?? null);
    });
    view.svg.addEventListener('pointerleave', (event) => {
      if (event.pointerType === 'mouse') show(focused ? view.byId.get(focused)! : null);
    });
    view.svg.addEventListener('pointerdown', (event) => {
      pointer = event.pointerType;
    });
    // On a touch screen the first tap on a band shows what it is; a second tap on it opens it.
    tree.addEventListener('click', (event) => {
      if (pointer !== 'touch' && pointer !== 'pen') return;
      if (preview((event.target as Element).closest('.map-node'))) event.preventDefault();
    });
  }

  controls.addEventListener('change', (event) => {
    const input = event.target as HTMLInputElement | HTMLSelectElement;
    if (input === zoomSelect) zoomTo(input.value);
    else if (input.name.endsWith('-measure')) {
      state.measure = input.value as Measure;
      draw(true);
    }
  });
  draw(false);
  return { preview };
}
