/**
 * Every id the import makes: code ids from names, excerpt ids from selection GUIDs, pseudonyms
 * for participants and column names for variables. All deterministic, so a re-import of the same
 * project gives the same ids and every URL of the site stays valid.
 */

/** "Trust & accuracy (AI)" -> "trust-accuracy-ai"; at most 48 characters, cut at a hyphen. */
export function slugify(name: string): string {
  const slug = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (slug.length <= 48) return slug;
  const cut = slug.slice(0, 49).lastIndexOf('-');
  return slug.slice(0, cut > 20 ? cut : 48).replace(/-+$/, '');
}

/**
 * Hands out unique ids: the slug itself the first time, then `-2`, `-3`... in call order.
 * Reserved ids (kept from a previous import) are never handed out for another name.
 */
export function idAllocator(reserved: Iterable<string> = []): (name: string, fallback: string) => string {
  const taken = new Set(reserved);
  return (name, fallback) => {
    const base = slugify(name) || fallback;
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    return id;
  };
}

/**
 * Excerpt ids from selection GUIDs: `E` + the first 8 hex digits, uppercase. When two GUIDs
 * share those 8 digits, each gets as many digits as it needs to differ from every other; this
 * does not depend on the order of the project, so reordering sources changes no id.
 */
export function excerptIdsFromGuids(guids: string[]): Map<string, string> {
  const sorted = [...new Set(guids)].sort();
  const common = (a = '', b = '') => { let i = 0; while (i < a.length && a[i] === b[i]) i++; return i; };
  return new Map(sorted.map((g, i) => {
    const length = Math.max(8, common(g, sorted[i - 1]) + 1, common(g, sorted[i + 1]) + 1);
    return [g, `E${g.slice(0, length).toUpperCase()}`];
  }));
}

/** `E0042` from a tool's row number (Taguette highlight id, QualCoder coding id). */
export const excerptIdFromNumber = (n: number): string => `E${String(n).padStart(4, '0')}`;

/** Names that already look like pseudonyms: P01, INT-3, R12 (after dropping a file extension). */
const PSEUDONYM = /^[A-Za-z]{1,4}[-_]?\d{1,4}$/;
const stripExtension = (name: string) => name.trim().replace(/\.(txt|docx?|odt|rtf|pdf|md)$/i, '');

/**
 * Pseudonyms for participants, in the order given. Names are kept when every one of them already
 * looks like a pseudonym (P01, P02...); otherwise all get P01, P02... because case and file names
 * often carry real names. Ids set by a mapping are kept as they are.
 */
export function participantIds(names: { name: string; id?: string }[]): string[] {
  const plain = names.filter((p) => !p.id).map((p) => stripExtension(p.name));
  const keep = plain.length > 0 && plain.every((n) => PSEUDONYM.test(n)) && new Set(plain).size === plain.length;
  const taken = new Set(names.flatMap((p) => (p.id ? [p.id] : keep ? [stripExtension(p.name)] : [])));
  const width = Math.max(2, String(names.length).length);
  let next = 1;
  return names.map((p) => {
    if (p.id) return p.id;
    if (keep) return stripExtension(p.name);
    let id;
    do id = `P${String(next++).padStart(width, '0')}`; while (taken.has(id));
    return id;
  });
}

/** "Years of experience" -> "years_of_experience": a participants.csv column name. */
export function columnName(name: string): string {
  const col = slugify(name).replace(/-/g, '_') || 'attribute';
  return col === 'id' ? 'variable_id' : col;
}
