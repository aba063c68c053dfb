/**
 * Turns a validated study into what the site publishes: anonymized excerpt records, the
 * k-anonymity check over shown attributes, and the anonymization report that stays private.
 */
import { attributeLabel, createAnonymizer, describe, shownAttributes, type Replacement } from './anonymize.ts';
import { indexCodebook } from './derive.ts';
import type { LoadedStudy } from './load-study.ts';
import { type Problem } from './problems.ts';
import { reviewFlags } from './review-flags.ts';
import type { PublicParticipant } from '../../src/contract/index.ts';
import type { Codebook, ExcerptRecord, Study } from './schema.ts';

export type { PublicParticipant };

/** What was replaced in one excerpt or lead-in, and what a person should check, before publishing. */
export interface ReportEntry {
  where: string;
  /** File and line of the text, e.g. `content/study/excerpts.csv:48`. */
  at?: string;
  replacements: (Replacement & { field: string })[];
  /** Clues for a person to check (see review-flags.ts): printed as warnings, never stopping the build. */
  flags: string[];
}

/** The value shown in place of an attribute hidden to protect a small group. */
export const HIDDEN = 'Not shown';

function smallGroups(participants: PublicParticipant[], k: number): string[][] {
  const groups = new Map<string, string[]>();
  for (const p of participants) {
    const key = JSON.stringify(p.attributes);
    groups.set(key, [...(groups.get(key) ?? []), p.id]);
  }
  return [...groups.values()].filter((ids) => ids.length < k);
}

/**
 * The k rule, one rule: every combination of the values shown with a pseudonym (descriptor,
 * matrix grouping and search filters all use the same shown attributes) must be shared by at least
 * k participants. "Not shown" is a value like any other, and with no attribute shown the one
 * combination is everyone, so a study with fewer than k participants is refused.
 * With `onSmallGroups: coarsen`, values are hidden for members of small groups, last attribute
 * first, until every group is large enough; otherwise each small group is a problem.
 */
export function enforceKAnonymity(
  participants: PublicParticipant[],
  study: Study,
  file: string,
): { participants: PublicParticipant[]; problems: Problem[]; notes: string[] } {
  const { k, onSmallGroups, shownAttributes } = study.privacy;
  let current = participants;
  const notes: string[] = [];
  if (onSmallGroups === 'coarsen') {
    for (const attribute of [...shownAttributes].reverse()) {
      const small = new Set(smallGroups(current, k).flat());
      if (!small.size) break;
      current = current.map((p) => {
        if (!small.has(p.id)) return p;
        notes.push(
          `${p.id}: ${attributeLabel(attribute)} hidden to keep every combination shared by at least ${k} participants`,
        );
        const attributes = { ...p.attributes, [attribute]: HIDDEN };
        return { ...p, attributes, descriptor: describe(attributes) };
      });
    }
  }
  const problems = smallGroups(current, k).map((ids) => {
    const attrs = current.find((p) => p.id === ids[0])!.attributes;
    if (!Object.keys(attrs).length) {
      return {
        file,
        field: 'privacy.k',
        message: `the study has ${ids.length} participant${ids.length === 1 ? '' : 's'} (${ids.join(', ')}), expected at least k = ${k}: with no attribute shown, everyone is one group, and every group must have at least k participants; add participants, or lower privacy.k knowing that a smaller group is easier to recognise`,
      };
    }
    return {
      file,
      field: 'privacy.shownAttributes',
      message: `the combination ${Object.entries(attrs)
        .map(([a, v]) => `${attributeLabel(a)} = ${v}`)
        .join(
          ', ',
        )} is shared by ${ids.length} participant${ids.length === 1 ? '' : 's'} (${ids.join(', ')}), expected at least k = ${k}; show fewer attributes or coarser values, or set privacy.onSmallGroups: coarsen`,
    };
  });
  return { participants: current, problems, notes };
}

/** Anonymizes excerpts and lead-ins; links each excerpt to its neighbours in the same interview. */
export function publishExcerpts(
  s: LoadedStudy & { study: Study; codebook: Codebook },
  participants: PublicParticipant[],
) {
  const redact = createAnonymizer(s.redactions);
  const entries = new Map<string, ReportEntry>();
  const located = new Map<string, string>();
  const entry = (where: string) =>
    entries.get(where) ??
    entries.set(where, { where, at: located.get(where), replacements: [], flags: [] }).get(where)!;
  for (const { line, value: e } of s.excerpts) located.set(e.id, `${s.dir}/excerpts.csv:${line}`);
  for (const [key, line] of Object.entries(s.quoteLines))
    located.set(`quotes.yaml ${key}`, `${s.dir}/quotes.yaml${line ? `:${line}` : ''}`);
  const track = (where: string, field: string, text: string) => {
    const r = redact(text);
    if (r.replacements.length) entry(where).replacements.push(...r.replacements.map((x) => ({ field, ...x })));
    return r.text;
  };
  const raw = new Map(s.participants.map(({ value: p }) => [p.id, p]));
  const hiddenOf = (id: string) =>
    Object.fromEntries(
      Object.entries(raw.get(id) ?? {}).filter(
        ([column, v]) => typeof v === 'string' && column !== 'id' && !s.study.privacy.shownAttributes.includes(column),
      ) as [string, string][],
    );
  const index = indexCodebook(s.codebook);
  const order = [...index.keys()];
  const byId = new Map(participants.map((p) => [p.id, p]));
  const excerpts: ExcerptRecord[] = s.excerpts
    .map(({ value: e }) => {
      const p = byId.get(e.participant)!;
      const codes = [...new Set(e.codes)].sort((a, b) => order.indexOf(a) - order.indexOf(b));
      // Every text shown with the pseudonym: the excerpt and its original.
      const shown = byId.get(e.participant)!.attributes;
      const flags = [e.text, e.original_text ?? ''].flatMap((t) => reviewFlags(t, hiddenOf(e.participant), shown));
      if (flags.length) entry(e.id).flags.push(...new Set(flags));
      return {
        id: e.id,
        participant: e.participant,
        descriptor: p.descriptor,
        attributes: p.attributes,
        position: e.position,
        codes,
        themes: [...new Set(codes.map((c) => index.get(c)!.theme))],
        text: track(e.id, 'text', e.text),
        originalLang: e.original_lang,
        originalText: e.original_text === undefined ? undefined : track(e.id, 'original_text', e.original_text),
      };
    })
    .sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
  linkNeighbours(excerpts);
  const speakerOf = new Map(s.excerpts.map(({ value: e }) => [e.id, e.participant]));
  const quotes = Object.fromEntries(
    Object.entries(s.quotes ?? {}).map(([theme, list]) => [
      theme,
      list.map((q, i) => {
        if (q.lead === undefined) return { excerpt: q.excerpt, lead: undefined };
        // A lead-in is shown with the quoted speaker's pseudonym and describes them.
        const speaker = speakerOf.get(q.excerpt);
        const flags =
          speaker === undefined || !byId.has(speaker)
            ? []
            : reviewFlags(q.lead, hiddenOf(speaker), byId.get(speaker)!.attributes, 'lead');
        if (flags.length) entry(`quotes.yaml ${theme}.${i}`).flags.push(...flags);
        return { excerpt: q.excerpt, lead: track(`quotes.yaml ${theme}.${i}`, 'lead', q.lead) };
      }),
    ]),
  );
  const report = [...entries.values()].sort((a, b) => a.where.localeCompare(b.where, 'en', { numeric: true }));
  return { excerpts, quotes, report };
}

/** Sets prev/next from the order within each interview (position, then id). */
function linkNeighbours(excerpts: ExcerptRecord[]): void {
  const interviews = new Map<string, ExcerptRecord[]>();
  for (const e of excerpts) interviews.set(e.participant, [...(interviews.get(e.participant) ?? []), e]);
  for (const list of interviews.values()) {
    list.sort(
      (a, b) =>
        (a.position ?? Infinity) - (b.position ?? Infinity) || a.id.localeCompare(b.id, 'en', { numeric: true }),
    );
    list.forEach((e, i) => {
      e.prev = list[i - 1]?.id;
      e.next = list[i + 1]?.id;
    });
  }
}

/** Pseudonyms with their shown attributes and descriptor; attribute values are anonymized like text. */
export function publishParticipants(s: LoadedStudy & { study: Study }): PublicParticipant[] {
  const anonymize = createAnonymizer(s.redactions);
  return s.participants.map(({ value: p }) => {
    const attributes = Object.fromEntries(
      Object.entries(shownAttributes(p, s.study.privacy)).map(([k, v]) => [k, anonymize(v).text]),
    );
    return { id: p.id, descriptor: describe(attributes), attributes };
  });
}
