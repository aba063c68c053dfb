/** Word-level diffs of published texts, as releases show them (src/components/WordDiff.astro draws them). */
import { diffWords } from 'diff';
import type { DiffPart } from '../contract/index.ts';

/** A word-level diff of two published texts: unchanged, added and removed runs of words. */
export function wordDiff(before: string, after: string): DiffPart[] {
  return diffWords(before, after).map((c) => ({
    value: c.value,
    ...(c.added ? { added: true } : {}),
    ...(c.removed ? { removed: true } : {}),
  }));
}
