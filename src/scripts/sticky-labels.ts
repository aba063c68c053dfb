/**
 * For a chart wider than the screen: keeps its row labels (`[data-sticky]`, a group drawn over the
 * cells with a background) in view while it scrolls sideways (`[data-scroller]`), and shows the
 * figure's scroll hint (`[data-scroll-hint]`) only while a shown scroller has more to see.
 * SVG has no position: sticky, hence this.
 */
export function keepLabelsInView(figure: HTMLElement): void {
  const scrollers = [...figure.querySelectorAll<HTMLElement>('[data-scroller]')];
  const hint = figure.querySelector<HTMLElement>('[data-scroll-hint]');
  const update = () => {
    let more = false;
    for (const scroller of scrollers) {
      for (const svg of scroller.querySelectorAll<SVGSVGElement>('svg')) {
        const drawn = svg.getBoundingClientRect().width;
        const scale = drawn && svg.viewBox.baseVal.width ? drawn / svg.viewBox.baseVal.width : 1;
        for (const group of svg.querySelectorAll<SVGGElement>('[data-sticky]'))
          group.setAttribute('transform', `translate(${scroller.scrollLeft / scale} 0)`);
      }
      const hidden = scroller.offsetParent === null && scroller.getClientRects().length === 0;
      if (!hidden && scroller.scrollLeft < scroller.scrollWidth - scroller.clientWidth - 1) more = true;
    }
    if (hint) hint.hidden = !more;
  };
  for (const scroller of scrollers) {
    scroller.addEventListener('scroll', update, { passive: true });
    new ResizeObserver(update).observe(scroller);
  }
  update();
}
