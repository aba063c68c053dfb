/**
 * Turns a validated study into what the site publishes: anonymized excerpt records, the
 * k-anonymity check over shown attributes, and the anonymization report that stays private.
 */
import { attributeLabel, createRedactor, describe, shownAttributes, type Replacement } from './anonymize.ts';
import { indexCodebook } from './derive.ts';
import type { LoadedStudy } from './load-study.ts';
import { type Problem } from './problems.ts';
import type { Codebook, ExcerptRecord, Study } from './schema.ts';

/** A participant as the site may show them: pseudonym and shown attributes only. */
export interface PublicParticipant { id: string; descriptor: string; attributes: Record<string, string> }

/** Replacements made in one excerpt or lead-in, for a person to review before publishing. */
export interface ReportEntry { where: string; field: string; replacements: Replacement[] }

/** Every combination of shown attributes must be shared by at least k participants. */
export function checkKAnonymity(participants: PublicParticipant[], study: Study, file: string): Problem[] {
  const groups = new Map<string, string[]>();
  for (const p of participants) {
    const key = JSON.stringify(p.attributes);
    groups.set(key, [...(groups.get(key) ?? []), p.id]);
  }
  const { k } = study.privacy;
  return [...groups].filter(([, ids]) => ids.length < k).map(([key, ids]) => ({
    file, field: 'privacy.shownAttributes',
    message: `the combination ${Object.entries(JSON.parse(key) as Record<string, string>).map(([a, v]) => `${attributeLabel(a)} = ${v}`).join(', ')} is shared by ${ids.length} participant${ids.length === 1 ? '' : 's'} (${ids.join(', ')}), expected at least k = ${k}; show fewer attributes or coarser values`,
  }));
}

/** Anonymizes excerpts and lead-ins; links each excerpt to its neighbours in the same interview. */
export function publishExcerpts(s: LoadedStudy & { study: Study; codebook: Codebook }, participants: PublicParticipant[]) {
  const redact = createRedactor(s.redactions);
  const report: ReportEntry[] = [];
  const track = (where: string, field: string, text: string) => {
    const r = redact(text);
    if (r.replacements.length) report.push({ where, field, replacements: r.replacements });
    return r.text;
  };
  const index = indexCodebook(s.codebook);
  const order = [...index.keys()];
  const byId = new Map(participants.map((p) => [p.id, p]));
  const excerpts: ExcerptRecord[] = s.excerpts.map(({ value: e }) => {
    const p = byId.get(e.participant)!;
    const codes = [...new Set(e.codes)].sort((a, b) => order.indexOf(a) - order.indexOf(b));
    return {
      id: e.id, participant: e.participant, descriptor: p.descriptor, attributes: p.attributes, position: e.position, codes,
      themes: [...new Set(codes.map((c) => index.get(c)!.theme))],
      text: track(e.id, 'text', e.text),
      originalLang: e.original_lang,
      originalText: e.original_text === undefined ? undefined : track(e.id, 'original_text', e.original_text),
    };
  }).sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
  linkNeighbours(excerpts);
  const quotes = Object.fromEntries(Object.entries(s.quotes ?? {}).map(([theme, list]) => [theme,
    list.map((q, i) => ({ excerpt: q.excerpt, lead: q.lead === undefined ? undefined : track(`quotes.yaml ${theme}.${i}`, 'lead', q.lead) }))]));
  return { excerpts, quotes, report };
}

/** Sets prev/next from the order within each interview (position, then id). */
function linkNeighbours(excerpts: ExcerptRecord[]): void {
  const interviews = new Map<string, ExcerptRecord[]>();
  for (const e of excerpts) interviews.set(e.participant, [...(interviews.get(e.participant) ?? []), e]);
  for (const list of interviews.values()) {
    list.sort((a, b) => (a.position ?? Infinity) - (b.position ?? Infinity) || a.id.localeCompare(b.id, 'en', { numeric: true }));
    list.forEach((e, i) => { e.prev = list[i - 1]?.id; e.next = list[i + 1]?.id; });
  }
}

/** Pseudonyms with their shown attributes and descriptor. */
export function publishParticipants(s: LoadedStudy & { study: Study }): PublicParticipant[] {
  return s.participants.map(({ value: p }) => {
    const attributes = shownAttributes(p, s.study.privacy);
    return { id: p.id, descriptor: describe(attributes), attributes };
  });
}
