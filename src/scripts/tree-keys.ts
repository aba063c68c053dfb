/**
 * The ARIA tree pattern over a flat list of treeitems that carry aria-level, aria-posinset and
 * aria-setsize (an SVG cannot nest them in groups). Roving tabindex: one item is in the tab order.
 * Every branch stays expanded, so Left always moves to the parent.
 */

/** An item of the tree: its element and its place in the hierarchy. */
export interface TreeItem {
  el: SVGElement | HTMLElement;
  label: string;
  parent: TreeItem | null;
  children: TreeItem[];
}

export interface TreeOptions<T extends TreeItem> {
  /** Moves focus to an item (after the caller has made it visible). */
  onMove(item: T): void;
  /** Enter on an item. */
  onOpen(item: T): void;
  /** Escape. */
  onEscape(): void;
}

/** Turns `container` and `items` (in tree order) into a keyboard-operable tree. */
export function makeTree<T extends TreeItem>(
  container: Element,
  items: T[],
  label: string,
  options: TreeOptions<T>,
  start?: T,
): void {
  container.setAttribute('role', 'tree');
  container.setAttribute('aria-label', label);
  for (const item of items) {
    item.el.setAttribute('role', 'treeitem');
    item.el.setAttribute('tabindex', '-1');
    if (item.children.length) item.el.setAttribute('aria-expanded', 'true');
    item.el.setAttribute('aria-level', item.el.dataset.level ?? '1');
    item.el.setAttribute('aria-posinset', item.el.dataset.posinset ?? '1');
    item.el.setAttribute('aria-setsize', item.el.dataset.setsize ?? '1');
  }
  (start ?? items[0])?.el.setAttribute('tabindex', '0');
  const indexOf = new Map(items.map((item, i) => [item.el, i]));

  container.addEventListener('focusin', (event) => {
    const i = indexOf.get(event.target as SVGElement);
    if (i === undefined) return;
    for (const item of items) item.el.setAttribute('tabindex', item === items[i] ? '0' : '-1');
  });

  container.addEventListener('keydown', (e) => {
    const event = e as KeyboardEvent;
    const i = indexOf.get(event.target as SVGElement);
    if (i === undefined || event.altKey || event.ctrlKey || event.metaKey) return;
    const item = items[i];
    let next: T | null | undefined;
    switch (event.key) {
      case 'ArrowDown':
        next = items[i + 1];
        break;
      case 'ArrowUp':
        next = items[i - 1];
        break;
      case 'ArrowRight':
        next = item.children[0] as T | undefined;
        break;
      case 'ArrowLeft':
        next = item.parent as T | null;
        break;
      case 'Home':
        next = items[0];
        break;
      case 'End':
        next = items.at(-1);
        break;
      case 'Enter':
        event.preventDefault();
        options.onOpen(item);
        return;
      case 'Escape':
        options.onEscape();
        return;
      default:
        // Type-ahead: the next item whose label starts with the typed character.
        if (event.key.length !== 1 || !/\S/.test(event.key)) return;
        next = [...items.slice(i + 1), ...items.slice(0, i)].find((it) =>
          it.label.toLowerCase().startsWith(event.key.toLowerCase()),
        );
    }
    event.preventDefault();
    if (next) options.onMove(next);
  });
}
