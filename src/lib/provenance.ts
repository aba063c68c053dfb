/**
 * Where each block of prose comes from, and the label a reader sees. The value goes on the element
 * holding the prose as `data-provenance` (see ProvenanceSchema), so a machine can check every
 * paragraph; the visible label is made from the same value, and only on an illustrative site,
 * where the article's findings and the text written for the illustrative dataset sit side by side.
 */
import type { Provenance } from '../contract/index.ts';
import { PROVENANCE_LABELS } from './provenance-labels';
import { illustrative } from './site';

export type { Provenance };

/** The provenance of the study's data and of everything written with it (summaries, narratives, brief text, counts). */
export const dataProvenance: Provenance = illustrative ? 'illustrative' : 'study';

/** The visible label for a provenance: none for a team's own site, none for the site's own explanations. */
export function provenanceLabel(kind: Provenance): string | undefined {
  const labels: Partial<Record<Provenance, string>> = PROVENANCE_LABELS;
  return illustrative ? labels[kind] : undefined;
}
