/**
 * Releases: every published state of a study is a dated, append-only manifest in the study folder
 * (`releases/<version>.json`). This module is pure: it builds a manifest from what the content
 * stage publishes, compares manifests (what changed in the findings), scrubs text that may no
 * longer be published, and checks the manifests against the current study before a build.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import {
  compareVersions,
  type DiffPart,
  type ExcerptRecord,
  type ReleaseChanges,
  type ReleaseState,
  type Tombstone,
  VersionSchema,
} from '../../src/contract/index.ts';
import { wordDiff } from '../../src/formats/word-diff.ts';
import type { Problem } from './problems.ts';

export { compareVersions, VersionSchema, wordDiff };
export type { DiffPart, ReleaseChanges, ReleaseState, Tombstone };
/** A calendar date, YYYY-MM-DD. */
export const DateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2026-01-31')
  .refine(
    (d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    'a real calendar date',
  );

/** One excerpt as a release published it. */
export const ManifestExcerptSchema = z.strictObject({
  id: z.string(),
  /** SHA-256 (first 16 hex digits) of the text as this release published it; kept when the text is scrubbed. */
  hash: z.string().regex(/^[0-9a-f]{16}$/),
  /** Pseudonym; removed when the excerpt is withdrawn. */
  participant: z.string().optional(),
  /** Code ids; removed when the excerpt is withdrawn. */
  codes: z.array(z.string()).optional(),
  /** The published (anonymized) text; removed when withdrawn, re-redacted when a later redaction changes it. */
  text: z.string().optional(),
  /** The published original-language text, under the same rules. */
  originalText: z.string().optional(),
  /** Set when the excerpt was withdrawn later and its text scrubbed from this manifest. */
  withdrawn: z.literal(true).optional(),
  /** The version whose redactions changed this text after it was published; `text` holds the redacted text. */
  redactedIn: VersionSchema.optional(),
});

/** One theme as a release published it. */
export const ManifestThemeSchema = z.strictObject({
  id: z.string(),
  label: z.string(),
  summary: z.string(),
  /** Excerpts coded to the theme. */
  excerpts: z.number().int().min(0),
  /** Participants who voiced the theme. */
  participants: z.number().int().min(0),
});

/** One code as a release published it, with where it sat in the codebook. */
export const ManifestCodeSchema = z.strictObject({
  id: z.string(),
  label: z.string(),
  theme: z.string(),
  subtheme: z.string(),
});

/** releases/<version>.json: what one release published. Append-only. */
export const ManifestSchema = z.strictObject({
  version: VersionSchema,
  date: DateSchema,
  /** The study's title at the release. */
  title: z.string(),
  /** A DOI a data repository minted for this release, recorded afterwards with `--doi`. */
  doi: z
    .string()
    .regex(/^10\.\d{4,9}\/\S+$/, 'a DOI like 10.5281/zenodo.1234567')
    .optional(),
  counts: z.strictObject({
    participants: z.number().int(),
    excerpts: z.number().int(),
    themes: z.number().int(),
    codes: z.number().int(),
  }),
  themes: z.array(ManifestThemeSchema),
  codes: z.array(ManifestCodeSchema),
  excerpts: z.array(ManifestExcerptSchema),
});

export type Manifest = z.infer<typeof ManifestSchema>;
export type ManifestExcerpt = z.infer<typeof ManifestExcerptSchema>;

/** withdrawn.yaml: excerpt id -> why it was withdrawn (shown on its tombstone). */
export const WithdrawnSchema = z.record(z.string(), z.string().trim().min(1, 'a reason'));
export type Withdrawn = z.infer<typeof WithdrawnSchema>;

/** What the content stage publishes, as much of it as a manifest records. */
export interface Published {
  title: string;
  participants: number;
  themes: {
    id: string;
    label: string;
    summary: string;
    count: { excerpts: number; participants: number };
    subthemes: { id: string; codes: { id: string; label: string }[] }[];
  }[];
  excerpts: Pick<ExcerptRecord, 'id' | 'participant' | 'codes' | 'text' | 'originalText'>[];
}

/** The hash a manifest keeps of a published text (and its original, if any). */
export function textHash(text: string, originalText?: string): string {
  return createHash('sha256')
    .update(originalText === undefined ? text : `${text}\u0000${originalText}`)
    .digest('hex')
    .slice(0, 16);
}

/** The manifest of what is published now. */
export function manifestOf(p: Published, version: string, date: string): Manifest {
  const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id, 'en', { numeric: true });
  return {
    version,
    date,
    title: p.title,
    counts: {
      participants: p.participants,
      excerpts: p.excerpts.length,
      themes: p.themes.length,
      codes: p.themes.reduce((n, t) => n + t.subthemes.reduce((m, s) => m + s.codes.length, 0), 0),
    },
    themes: p.themes.map((t) => ({
      id: t.id,
      label: t.label,
      summary: t.summary,
      excerpts: t.count.excerpts,
      participants: t.count.participants,
    })),
    codes: p.themes.flatMap((t) =>
      t.subthemes.flatMap((s) => s.codes.map((c) => ({ id: c.id, label: c.label, theme: t.id, subtheme: s.id }))),
    ),
    excerpts: [...p.excerpts].sort(byId).map((e) => ({
      id: e.id,
      hash: textHash(e.text, e.originalText),
      participant: e.participant,
      codes: [...e.codes],
      text: e.text,
      ...(e.originalText === undefined ? {} : { originalText: e.originalText }),
    })),
  };
}

/** Whether two manifests publish the same findings (version, date and DOI aside). */
export function samePublication(a: Manifest, b: Manifest): boolean {
  const strip = ({ version: _v, date: _d, doi: _doi, ...rest }: Manifest) => ({
    ...rest,
    excerpts: rest.excerpts.map(({ redactedIn: _r, ...e }) => e),
  });
  return JSON.stringify(strip(a)) === JSON.stringify(strip(b));
}

/** Manifests oldest first. */
export function sortManifests(manifests: Manifest[]): Manifest[] {
  return [...manifests].sort((a, b) => compareVersions(a.version, b.version));
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Compares a release with the one before it (none for the first release). */
export function compareReleases(
  before: Manifest | undefined,
  after: Manifest,
  withdrawn: Withdrawn = {},
): ReleaseChanges {
  const old = new Map((before?.excerpts ?? []).map((e) => [e.id, e]));
  const now = new Map(after.excerpts.map((e) => [e.id, e]));
  const excerpts: ReleaseChanges['excerpts'] = { added: [], withdrawn: [], edited: [], redacted: [], recoded: [] };
  for (const e of after.excerpts) {
    const o = old.get(e.id);
    if (!o || o.withdrawn) {
      if (before) excerpts.added.push(e.id);
      continue;
    }
    if (o.redactedIn === after.version || (e.redactedIn === after.version && o.hash !== e.hash))
      excerpts.redacted.push(e.id);
    if (o.text !== undefined && e.text !== undefined && (o.text !== e.text || o.originalText !== e.originalText)) {
      excerpts.edited.push({ id: e.id, diff: wordDiff(o.text, e.text) });
    }
    const oc = new Set(o.codes ?? []);
    const nc = new Set(e.codes ?? []);
    const added = [...nc].filter((c) => !oc.has(c));
    const removed = [...oc].filter((c) => !nc.has(c));
    if (added.length || removed.length) excerpts.recoded.push({ id: e.id, added, removed });
  }
  for (const o of before?.excerpts ?? []) {
    // A manifest lists only what its release published, so an id missing from the next one was withdrawn by it.
    if (!now.has(o.id)) excerpts.withdrawn.push({ id: o.id, ...(withdrawn[o.id] ? { reason: withdrawn[o.id] } : {}) });
  }

  const oldCodes = new Map((before?.codes ?? []).map((c) => [c.id, c]));
  const newCodes = new Map(after.codes.map((c) => [c.id, c]));
  const codes: ReleaseChanges['codes'] = { added: [], removed: [], renamed: [], moved: [] };
  const place = (c: { theme: string; subtheme: string }, m: Manifest) => {
    const t = m.themes.find((x) => x.id === c.theme);
    return `${t?.label ?? c.theme} / ${c.subtheme}`;
  };
  if (before) {
    for (const c of after.codes) {
      const o = oldCodes.get(c.id);
      if (!o) {
        codes.added.push({ id: c.id, label: c.label });
        continue;
      }
      if (o.label !== c.label) codes.renamed.push({ id: c.id, from: o.label, to: c.label });
      if (o.theme !== c.theme || o.subtheme !== c.subtheme)
        codes.moved.push({ id: c.id, label: c.label, from: place(o, before), to: place(c, after) });
    }
    for (const o of before.codes) if (!newCodes.has(o.id)) codes.removed.push({ id: o.id, label: o.label });
  }

  const themes: ReleaseChanges['themes'] = [];
  if (before) {
    const oldThemes = new Map(before.themes.map((t) => [t.id, t]));
    for (const t of after.themes) {
      const o = oldThemes.get(t.id);
      if (!o) {
        themes.push({
          id: t.id,
          label: t.label,
          status: 'added',
          excerpts: [null, t.excerpts],
          participants: [null, t.participants],
          of: [null, after.counts.participants],
        });
        continue;
      }
      const changed =
        o.label !== t.label ||
        o.summary !== t.summary ||
        o.excerpts !== t.excerpts ||
        o.participants !== t.participants ||
        before.counts.participants !== after.counts.participants;
      if (!changed) continue;
      themes.push({
        id: t.id,
        label: t.label,
        status: 'changed',
        excerpts: [o.excerpts, t.excerpts],
        participants: [o.participants, t.participants],
        of: [before.counts.participants, after.counts.participants],
        ...(o.label !== t.label ? { labelFrom: o.label } : {}),
        ...(o.summary !== t.summary ? { summary: wordDiff(o.summary, t.summary) } : {}),
      });
    }
    for (const o of before.themes) {
      if (!after.themes.some((t) => t.id === o.id))
        themes.push({
          id: o.id,
          label: o.label,
          status: 'removed',
          excerpts: [o.excerpts, null],
          participants: [o.participants, null],
          of: [before.counts.participants, null],
        });
    }
  }

  const parts = before
    ? ([
        themes.length ? `${count(themes.length, 'theme')} changed` : 'no theme changed',
        excerpts.added.length && `${count(excerpts.added.length, 'excerpt')} added`,
        excerpts.withdrawn.length && `${excerpts.withdrawn.length} withdrawn`,
        excerpts.edited.length && `${excerpts.edited.length} edited`,
        excerpts.redacted.length && `${excerpts.redacted.length} redacted`,
        codes.added.length + codes.removed.length + codes.renamed.length + codes.moved.length &&
          `${count(codes.added.length + codes.removed.length + codes.renamed.length + codes.moved.length, 'code change')}`,
      ].filter(Boolean) as string[])
    : [`first release: ${count(after.counts.excerpts, 'excerpt')}, ${count(after.counts.themes, 'theme')}`];
  return {
    version: after.version,
    date: after.date,
    ...(after.doi ? { doi: after.doi } : {}),
    ...(before ? { previous: before.version } : {}),
    counts: after.counts,
    excerpts,
    codes,
    themes,
    headline: parts.join('; '),
  };
}

/** The releases of a study, compared each with the one before; oldest first. */
export function releaseHistory(manifests: Manifest[], withdrawn: Withdrawn = {}): ReleaseChanges[] {
  const sorted = sortManifests(manifests);
  return sorted.map((m, i) => compareReleases(sorted[i - 1], m, withdrawn));
}

/** Whether the current study equals its latest release. */
export function releaseState(manifests: Manifest[], current: Manifest): ReleaseState {
  const latest = sortManifests(manifests).at(-1);
  if (!latest) return { unreleased: true, label: 'Unreleased: no release recorded yet' };
  const base = { version: latest.version, date: latest.date, ...(latest.doi ? { doi: latest.doi } : {}) };
  if (samePublication(latest, { ...current, excerpts: current.excerpts })) {
    return { ...base, unreleased: false, label: `Version ${latest.version} (${latest.date})`, citeAs: latest.version };
  }
  return {
    ...base,
    unreleased: true,
    label: `Unreleased changes since version ${latest.version}`,
    citeAs: `${latest.version}, with unreleased changes`,
  };
}

/** Per excerpt id, the latest release whose published text differed from the one before, with the diff. */
export function excerptChanges(
  manifests: Manifest[],
): Map<string, { version: string; diff?: DiffPart[]; redacted?: boolean }> {
  const changes = new Map<string, { version: string; diff?: DiffPart[]; redacted?: boolean }>();
  for (const c of releaseHistory(manifests)) {
    for (const e of c.excerpts.edited) changes.set(e.id, { version: c.version, diff: e.diff });
    for (const id of c.excerpts.redacted)
      if (!c.excerpts.edited.some((e) => e.id === id)) changes.set(id, { version: c.version, redacted: true });
  }
  return changes;
}

/** Every id a release published that the current study no longer has, with the release that withdrew it. */
export function tombstones(manifests: Manifest[], currentIds: Set<string>, withdrawn: Withdrawn): Tombstone[] {
  const sorted = sortManifests(manifests);
  const last = new Map<string, number>();
  sorted.forEach((m, i) => {
    for (const e of m.excerpts) if (!currentIds.has(e.id)) last.set(e.id, i);
  });
  return [...last]
    .map(([id, i]) => ({
      id,
      ...(sorted[i + 1] ? { withdrawnIn: sorted[i + 1].version } : {}),
      ...(withdrawn[id] ? { reason: withdrawn[id] } : {}),
    }))
    .sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
}

/** Removes every word of withdrawn excerpts and re-redacts published text that current rules would change. */
export function scrubManifest(
  m: Manifest,
  currentIds: Set<string>,
  withdrawn: Withdrawn,
  redact: (text: string) => string,
  scrubVersion: string,
): { manifest: Manifest; changed: string[] } {
  const changed: string[] = [];
  const excerpts = m.excerpts.map((e): ManifestExcerpt => {
    if (e.withdrawn) return e;
    if (!currentIds.has(e.id) || withdrawn[e.id] !== undefined) {
      changed.push(`${e.id}: withdrawn, text, pseudonym and codes removed`);
      return { id: e.id, hash: e.hash, withdrawn: true };
    }
    const text = e.text === undefined ? undefined : redact(e.text);
    const originalText = e.originalText === undefined ? undefined : redact(e.originalText);
    if (text === e.text && originalText === e.originalText) return e;
    changed.push(`${e.id}: text redacted under the current rules`);
    return {
      ...e,
      text,
      ...(originalText === undefined ? {} : { originalText }),
      redactedIn: e.redactedIn ?? scrubVersion,
    };
  });
  return { manifest: { ...m, excerpts }, changed };
}

/**
 * Checks the committed manifests against the current study: text that must be scrubbed, ids that
 * come back after being withdrawn, ids listed in withdrawn.yaml that are still in excerpts.csv.
 */
export function checkReleases(
  manifests: { file: string; manifest: Manifest }[],
  currentIds: Set<string>,
  withdrawn: Withdrawn,
  withdrawnFile: string,
  redact: (text: string) => string,
): Problem[] {
  const problems: Problem[] = [];
  const scrub = 'run `npm run release -- --scrub` to scrub it (it keeps the id and hash)';
  const sorted = [...manifests].sort((a, b) => compareVersions(a.manifest.version, b.manifest.version));
  const withdrawnIn = new Map<string, string>();
  sorted.forEach(({ manifest: m }, i) => {
    const next = sorted[i + 1]?.manifest;
    if (!next) return;
    const ids = new Set(next.excerpts.map((e) => e.id));
    for (const e of m.excerpts) if (!ids.has(e.id) && !withdrawnIn.has(e.id)) withdrawnIn.set(e.id, next.version);
  });
  for (const { file, manifest: m } of sorted) {
    for (const e of m.excerpts) {
      if (e.withdrawn) continue;
      if (!currentIds.has(e.id) || withdrawn[e.id] !== undefined) {
        if (e.text !== undefined || e.participant !== undefined || e.codes !== undefined) {
          problems.push({
            file,
            field: `excerpt ${e.id}`,
            message: `holds the text of excerpt ${e.id}, which the study no longer publishes (withdrawn); expected only its id and hash: ${scrub}`,
          });
        }
        continue;
      }
      for (const [field, value] of [
        ['text', e.text],
        ['originalText', e.originalText],
      ] as const) {
        if (value !== undefined && redact(value) !== value) {
          problems.push({
            file,
            field: `excerpt ${e.id} ${field}`,
            message: `holds text that the current redactions or detectors would change; expected the redacted text: ${scrub}`,
          });
        }
      }
    }
  }
  for (const [id, version] of withdrawnIn) {
    if (currentIds.has(id))
      problems.push({
        file: withdrawnFile.replace(/withdrawn\.yaml$/, 'excerpts.csv'),
        field: `excerpt ${id}`,
        message: `id ${id} was withdrawn in version ${version} and cannot be published again; expected a new id for new text`,
      });
  }
  for (const id of Object.keys(withdrawn)) {
    if (currentIds.has(id))
      problems.push({
        file: withdrawnFile,
        field: id,
        message: `excerpt ${id} is listed as withdrawn but is still in excerpts.csv; expected it removed from excerpts.csv, or its line removed from withdrawn.yaml`,
      });
  }
  return problems;
}

/** The manifests and withdrawn.yaml of a study folder, parsed; problems name file and field. */
export function parseReleases(
  dir: string,
  releases: Record<string, string> = {},
  withdrawnText: string | undefined,
  parseWithdrawn: (text: string, file: string) => { value?: Withdrawn; problems: Problem[] },
): { manifests: { file: string; manifest: Manifest }[]; withdrawn: Withdrawn; problems: Problem[] } {
  const problems: Problem[] = [];
  const manifests: { file: string; manifest: Manifest }[] = [];
  for (const [name, text] of Object.entries(releases)) {
    const file = `${dir}/releases/${name}`;
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (e) {
      problems.push({
        file,
        message: `malformed JSON: ${(e as Error).message}; expected a release manifest written by \`npm run release\``,
      });
      continue;
    }
    const parsed = ManifestSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        problems.push({
          file,
          field: issue.path.join('.') || undefined,
          message: `${issue.message}; expected a release manifest written by \`npm run release\``,
        });
      continue;
    }
    if (`${parsed.data.version}.json` !== name) {
      problems.push({
        file,
        field: 'version',
        message: `records version ${parsed.data.version}, expected ${name.slice(0, -5)} (the file name)`,
      });
      continue;
    }
    manifests.push({ file, manifest: parsed.data });
  }
  const w =
    withdrawnText === undefined ? { value: {}, problems: [] } : parseWithdrawn(withdrawnText, `${dir}/withdrawn.yaml`);
  problems.push(...w.problems);
  manifests.sort((a, b) => compareVersions(a.manifest.version, b.manifest.version));
  return { manifests, withdrawn: w.value ?? {}, problems };
}
