/** Helpers shared by the CSV formats (Taguette, QualCoder), whose documents become participants. */
import type { CodeNode, RawParticipant } from './model.ts';

/** Position of a column by name, ignoring case and surrounding spaces; -1 when absent. */
export const columnIndex = (header: string[], name: string): number =>
  header.findIndex((h) => h.trim().toLowerCase() === name.toLowerCase());

/** Code keys by name (case-insensitive), to match the names a CSV uses against a codebook file. */
export function keysByName(nodes: CodeNode[]): Map<string, string> {
  const map = new Map<string, string>();
  const walk = (list: CodeNode[]) => {
    for (const n of list) {
      const name = n.name.trim().toLowerCase();
      if (!map.has(name)) map.set(name, n.key);
      walk(n.children);
    }
  };
  walk(nodes);
  return map;
}

/** Collects documents as participants in order of first appearance, with their attributes. */
export function documentParticipants() {
  const byName = new Map<string, RawParticipant>();
  return {
    /** The participant key of a document, adding attributes it does not have yet. */
    add(document: string, attributes: Record<string, string> = {}): string {
      const p = byName.get(document) ?? { key: `document:${document}`, name: document, attributes: {} };
      for (const [k, v] of Object.entries(attributes)) if (!p.attributes[k] && v) p.attributes[k] = v;
      byName.set(document, p);
      return p.key;
    },
    list: (): RawParticipant[] => [...byName.values()],
  };
}
