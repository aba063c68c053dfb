/**
 * Unique ids on one page, as one Markdown document numbers a repeated heading: `id` itself when
 * no element of the page has it yet, else `id-1`, `id-2`... the first that is free. `taken` holds
 * the page's ids so far; the id given is added to it.
 */
export function freeId(taken: Set<string>, id: string): string {
  let free = id;
  for (let n = 1; taken.has(free); n++) free = `${id}-${n}`;
  taken.add(free);
  return free;
}
