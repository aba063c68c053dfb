/** The visible provenance labels of an illustrative site, by `data-provenance` value; other values show none. */
export const PROVENANCE_LABELS = {
  article: 'From the published article',
  illustrative: 'Illustrative, not a finding of the study',
} as const;
