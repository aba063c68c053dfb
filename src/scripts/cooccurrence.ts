/**
 * The co-occurrence matrix's interaction: the minimum-shared-count control, and details of a pair
 * on hover or, with the matrix focused, under the arrow keys (a ring marks the active cell).
 * Row and column labels light up with the pair so the eye finds both codes.
 */
import { revealChrome } from './chart-chrome.ts';
import { keepLabelsInView } from './sticky-labels.ts';

interface Cell {
  el: SVGGElement;
  a: string;
  b: string;
  excerpts: number;
  row: number;
  col: number;
  title: string;
}

function setUp(figure: HTMLElement): void {
  const svg = figure.querySelector<SVGSVGElement>('[data-cells]')!;
  const range = figure.querySelector<HTMLInputElement>('[data-threshold]')!;
  const output = figure.querySelector<HTMLOutputElement>('[data-threshold-value]')!;
  const status = figure.querySelector<HTMLElement>('[data-shown]')!;
  const live = revealChrome(figure);
  const labels = new Map(
    [...svg.querySelectorAll<SVGGElement>('.co-item')].map((el, i) => [el.dataset.id!, { el, index: i }]),
  );
  const cells: Cell[] = [...svg.querySelectorAll<SVGGElement>('.co-cell')].map((el) => ({
    el,
    a: el.dataset.a!,
    b: el.dataset.b!,
    excerpts: Number(el.dataset.excerpts),
    row: labels.get(el.dataset.a!)!.index,
    col: labels.get(el.dataset.b!)!.index,
    title: el.querySelector('title')?.textContent ?? '',
  }));
  const pairs = cells.length / 2;
  const noun = figure.dataset.level === 'themes' ? 'themes' : 'codes';
  let active: Cell | null = null;

  const visible = () => cells.filter((c) => c.excerpts >= Number(range.value));

  function applyThreshold(): void {
    const min = Number(range.value);
    for (const c of cells) c.el.classList.toggle('is-below', c.excerpts < min);
    output.value = String(min);
    status.textContent = `${visible().length / 2} of ${pairs} pairs of ${noun} shown.`;
    if (active && active.excerpts < min) highlight(null);
  }

  function highlight(cell: Cell | null, announce = true): void {
    for (const el of svg.querySelectorAll<SVGGElement>('.co-item, .co-colitem'))
      el.classList.toggle('is-lit', !!cell && (el.dataset.id === cell.a || el.dataset.id === cell.b));
    for (const c of cells) c.el.classList.toggle('is-active', c === cell);
    active = cell;
    if (announce) live.textContent = cell ? `${cell.title}.` : '';
  }

  /** The nearest shown cell from the active one in a direction, along its row or column. */
  function step(from: Cell, dRow: number, dCol: number): Cell | undefined {
    const candidates = visible().filter((c) =>
      dRow
        ? c.col === from.col && Math.sign(c.row - from.row) === dRow
        : c.row === from.row && Math.sign(c.col - from.col) === dCol,
    );
    return candidates.sort(
      (p, q) =>
        Math.abs(p.row - from.row) +
        Math.abs(p.col - from.col) -
        (Math.abs(q.row - from.row) + Math.abs(q.col - from.col)),
    )[0];
  }

  range.addEventListener('input', applyThreshold);
  svg.setAttribute('tabindex', '0');
  svg.setAttribute('aria-describedby', status.id);
  svg.addEventListener('pointerover', (event) => {
    const el = (event.target as Element).closest<SVGGElement>('.co-cell');
    if (el) highlight(cells.find((c) => c.el === el) ?? null);
  });
  svg.addEventListener('pointerleave', () => highlight(document.activeElement === svg ? active : null));
  svg.addEventListener('focus', () => highlight(active ?? visible()[0] ?? null));
  svg.addEventListener('blur', () => highlight(null, false));
  svg.addEventListener('keydown', (event) => {
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    const move = moves[event.key];
    if (!move || !active) return;
    event.preventDefault();
    const next = step(active, ...move);
    if (next) highlight(next);
  });
  applyThreshold();
  keepLabelsInView(figure);
}

for (const figure of document.querySelectorAll<HTMLElement>('[data-cooccurrence]')) setUp(figure);
