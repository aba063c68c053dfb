/**
 * The COREQ checklist (Tong, Sainsbury & Craig, 2007): 32 items in three domains. The answers
 * are the study's own, in study.yaml's `coreq`; this list only names the items.
 */

/** What the methods page says for an item study.yaml leaves out, by where its facts were read (`reportedIn`). */
export const UNANSWERED = {
  /** Read from the full article: the team states the article does not report it. */
  article: 'Not reported',
  /** Read from the abstract only: the article may well report it. */
  abstract: 'Not in the abstract; see the article',
} as const;

/** The answer shown for one COREQ item (1 to 32). */
export function coreqAnswer(
  study: { coreq: Record<string, string>; reportedIn?: keyof typeof UNANSWERED },
  item: number,
): string {
  return Object.hasOwn(study.coreq, String(item))
    ? study.coreq[String(item)]
    : UNANSWERED[study.reportedIn ?? 'article'];
}
export const COREQ_DOMAINS: { domain: string; items: string[] }[] = [
  {
    domain: 'Research team and reflexivity',
    items: [
      'Interviewer/facilitator',
      'Credentials',
      'Occupation',
      'Gender',
      'Experience and training',
      'Relationship established',
      'Participant knowledge of the interviewer',
      'Interviewer characteristics',
    ],
  },
  {
    domain: 'Study design',
    items: [
      'Methodological orientation and theory',
      'Sampling',
      'Method of approach',
      'Sample size',
      'Non-participation',
      'Setting of data collection',
      'Presence of non-participants',
      'Description of sample',
      'Interview guide',
      'Repeat interviews',
      'Audio/visual recording',
      'Field notes',
      'Duration',
      'Data saturation',
      'Transcripts returned',
    ],
  },
  {
    domain: 'Analysis and findings',
    items: [
      'Number of data coders',
      'Description of the coding tree',
      'Derivation of themes',
      'Software',
      'Participant checking',
      'Quotations presented',
      'Data and findings consistent',
      'Clarity of major themes',
      'Clarity of minor themes',
    ],
  },
];
