/**
 * Moves the drawn bands to a new size measure or zoom, with a short transition (none when the
 * reader prefers reduced motion). Labels hide while they move and reappear only where they fit.
 */
import { select } from 'd3-selection';
import 'd3-transition';
import { firstBaseline } from '../charts/label-fit.ts';
import { type MapNode, type MapState, type MapView, bandOf, labelShown } from './map-model.ts';

const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');

/** How long a zoom or resize takes, in ms. */
export function duration(animate: boolean): number {
  return animate && !reducedMotion.matches ? 450 : 0;
}

/** Draws every node of `view` for `state`. */
export function renderMap(view: MapView, state: MapState, animate: boolean): void {
  const ms = duration(animate);
  for (const node of view.nodes) {
    const [y0, y1] = bandOf(view, node, state);
    const baseline = firstBaseline(y0, y1, node.lines, view.metrics, node.children.length === 0);
    const show = labelShown(view, node, state);
    node.countText.textContent = ` ${node.count[state.measure]}`; // the space keeps "label count" apart in the link text
    select(node.rect)
      .interrupt()
      .transition()
      .duration(ms)
      .attr('y', y0)
      .attr('height', y1 - y0);
    for (const el of [node.text, node.countText]) {
      // A count drawn under its label sits `data-below` lines lower.
      const y = baseline + Number(el.dataset.below ?? 0) * view.metrics.lineHeight;
      const text = select(el).interrupt();
      if (ms === 0) {
        text.attr('y', y).classed('is-hidden', !show);
        continue;
      }
      text
        .classed('is-hidden', true)
        .transition()
        .duration(ms)
        .attr('y', y)
        .on('end', function () {
          this.classList.toggle('is-hidden', !show);
        });
    }
  }
}

/** Draws (or moves) the focus ring around `node`, above every band so no neighbour covers it. */
export function ringAround(view: MapView, node: MapNode | null, state: MapState, animate: boolean): void {
  let ring = view.svg.querySelector<SVGRectElement>('.map-ring');
  if (!node) {
    ring?.classList.add('is-hidden');
    return;
  }
  if (!ring) {
    ring = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
    ring.setAttribute('class', 'map-ring');
    ring.setAttribute('aria-hidden', 'true');
    view.svg.append(ring);
  }
  const [y0, y1] = bandOf(view, node, state);
  const x = Number(node.rect.getAttribute('x'));
  const width = Number(node.rect.getAttribute('width'));
  ring.classList.remove('is-hidden');
  select(ring)
    .interrupt()
    .attr('x', x + 1.5)
    .attr('width', Math.max(0, width - 3))
    .transition()
    .duration(duration(animate))
    .attr('y', y0 + 1.5)
    .attr('height', Math.max(0, y1 - y0 - 3));
}
