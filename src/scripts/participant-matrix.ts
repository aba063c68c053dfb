/**
 * The participant x theme matrix's interaction: switch the row grouping (each grouping was drawn
 * at build time; this only shows one), and name the cell under the pointer in the details line.
 */
import { revealChrome } from './chart-chrome.ts';
import { keepLabelsInView } from './sticky-labels.ts';

function setUp(figure: HTMLElement): void {
  const select = figure.querySelector<HTMLSelectElement>('[data-group-by]');
  const drawings = [...figure.querySelectorAll<HTMLElement>('.pm-drawing')];
  const live = revealChrome(figure);

  select?.addEventListener('change', () => {
    for (const drawing of drawings) drawing.hidden = drawing.dataset.grouping !== select.value;
    drawings.find((d) => !d.hidden)?.dispatchEvent(new Event('scroll'));
  });
  keepLabelsInView(figure);
  for (const drawing of drawings) {
    drawing.addEventListener('pointerover', (event) => {
      const cell = (event.target as Element).closest('.pm-cell');
      if (cell) live.textContent = cell.querySelector('title')?.textContent ?? '';
    });
  }
}

for (const figure of document.querySelectorAll<HTMLElement>('[data-participant-matrix]')) setUp(figure);
