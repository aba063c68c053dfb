/**
 * Gives the illustrative dataset realistic breadth. In the bundled study every participant voices
 * every theme ("voiced by 22 of 22" on every card), which tells a reader nothing. This tool moves
 * excerpts between participants of the same specialty group, deterministically, so that each theme
 * is voiced by a different share of participants; codes follow. Each excerpt goes to the most similar
 * participant it can (same specialty, then sector, experience band, gender), and of many seeded
 * choices the one needing the fewest and least jarring moves wins. Texts are not touched: read every
 * moved excerpt afterwards and mend what no longer fits its new speaker. Not part of the build.
 *
 *   npm exec -- node scripts/tools/breadth.ts            report what would change
 *   npm exec -- node scripts/tools/breadth.ts --write    rewrite content/study/excerpts.csv
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';
import { experienceBand } from '../lib/anonymize.ts';
import { parseCommandLine, UsageError } from '../lib/cli.ts';
import { readCsvRecords } from '../lib/parse-csv.ts';
import { toCsv } from '../../src/formats/csv.ts';

/** The fields of an excerpt row this tool reads and changes; the rest are carried through. */
export interface Row {
  id: string;
  participant: string;
  position: string;
  codes: string;
  [column: string]: string;
}
/**
 * A participant as this tool weighs them. `group` bounds every move; the other attributes, when
 * given, make a move cost more when they differ (an excerpt about retinal camps read as a surgeon's,
 * a senior's memories read as a resident's), so that fewer texts need mending afterwards.
 */
export interface Person {
  id: string;
  group: string;
  specialty?: string;
  sector?: string;
  band?: string;
  gender?: string;
}

/** Shares of participants voicing each theme, in codebook order (repeated if there are more themes). */
export const SHARES = [0.95, 0.8, 0.65, 0.5, 0.4];
/** What a moved excerpt costs when the new speaker differs from the old one in each attribute. */
const MISMATCH: [keyof Person, number][] = [
  ['specialty', 8],
  ['sector', 4],
  ['band', 4],
  ['gender', 2],
];
/** How many seeds for the choice of voices are tried; the cheapest set of moves wins. */
export const TRIES = 200;

const rank = (...parts: string[]) => createHash('sha256').update(parts.join('\u0000')).digest('hex');
/** "Psychiatry (resident)" is the same specialty as "Psychiatry". */
const specialtyOf = (p: Person) => p.specialty?.replace(/\s*\(.*\)$/, '');

/** What moving an excerpt from one participant to another costs: 1, plus each attribute that differs. */
export function moveCost(from: Person, to: Person): number {
  if (from.id === to.id) return 0;
  return (
    1 +
    MISMATCH.reduce((sum, [key, weight]) => {
      const [a, b] = key === 'specialty' ? [specialtyOf(from), specialtyOf(to)] : [from[key], to[key]];
      return sum + (a !== undefined && b !== undefined && a !== b ? weight : 0);
    }, 0)
  );
}

/** The themes a row's codes belong to, each once. */
function themesOfRow(row: Row, themeOfCode: Map<string, string>): string[] {
  return [
    ...new Set(
      row.codes
        .split(';')
        .map((c) => themeOfCode.get(c.trim())!)
        .filter(Boolean),
    ),
  ];
}

/**
 * Chooses, per theme, a share of the participants (SHARES), at least one in every specialty group;
 * moves each excerpt whose participant is not chosen for its themes to the chosen participant of the
 * same specialty group most like them (moveCost). Of TRIES seeded choices, keeps the cheapest.
 * Every participant keeps at least one excerpt; positions stay unique within a participant.
 */
export function reassign(rows: Row[], people: Person[], themeOfCode: Map<string, string>, themes: string[]): Row[] {
  const themesOf = (r: Row) => themesOfRow(r, themeOfCode);
  const targets = themes.map((_, i) => Math.max(1, Math.round(people.length * SHARES[i % SHARES.length])));
  let best: { cost: number; rows: Row[] } | undefined;
  for (let seed = 0; seed < TRIES; seed++) {
    const tried = reassignWith(String(seed), rows, people, themeOfCode, themes);
    // Keeping everyone and multi-theme excerpts can pull a theme's breadth off its share: a choice whose
    // themes end up with equal breadths distinguishes nothing, and each voice off target costs a few moves.
    const voiced = breadth(tried.rows, themesOf);
    const counts = themes.map((t) => voiced.get(t) ?? 0);
    if (new Set(counts).size < themes.length && themes.length <= people.length) continue;
    const cost = tried.cost + 5 * counts.reduce((sum, n, i) => sum + Math.abs(n - targets[i]), 0);
    if (!best || cost < best.cost) best = { cost, rows: tried.rows };
  }
  if (!best) throw new Error(`breadth: no choice of ${TRIES} gives the ${themes.length} themes different breadths`);
  return best.rows;
}

function chooseVoices(seed: string, theme: string, share: number, people: Person[]): Set<string> {
  const k = Math.max(1, Math.round(people.length * share));
  const ordered = [...people].sort((a, b) => rank(seed, theme, a.id).localeCompare(rank(seed, theme, b.id)));
  // The first of each group goes in before the rest, so no excerpt ever has to leave its group.
  const firsts = [...new Map(ordered.map((p) => [p.group, p] as const)).values()].reverse();
  const chosen = new Set(firsts.map((p) => p.id));
  for (const p of ordered) if (chosen.size < k) chosen.add(p.id);
  return chosen;
}

function reassignWith(seed: string, rows: Row[], people: Person[], themeOfCode: Map<string, string>, themes: string[]) {
  const chosen = new Map(themes.map((t, i) => [t, chooseVoices(seed, t, SHARES[i % SHARES.length], people)]));
  const byId = new Map(people.map((p) => [p.id, p]));
  const out = rows.map((r) => ({ ...r }));
  let cost = 0;
  for (const row of out) {
    const speaker = byId.get(row.participant);
    const themesHere = [...new Set(row.codes.split(';').map((c) => themeOfCode.get(c.trim())))].filter(
      (t): t is string => !!t,
    );
    if (!themesHere.length || !speaker) continue;
    // Someone of the speaker's group chosen for every theme the excerpt carries, or failing that for its first theme.
    const inGroup = (ids: Iterable<string>) =>
      [...ids].map((id) => byId.get(id)!).filter((p) => p.group === speaker.group);
    const forAll = inGroup(chosen.get(themesHere[0])!).filter((p) => themesHere.every((t) => chosen.get(t)!.has(p.id)));
    const pool = forAll.length ? forAll : inGroup(chosen.get(themesHere[0])!);
    if (pool.some((p) => p.id === speaker.id)) continue;
    const score = (p: Person) => moveCost(speaker, p);
    const target = pool.sort((a, b) => score(a) - score(b) || rank(row.id, a.id).localeCompare(rank(row.id, b.id)))[0];
    cost += score(target);
    row.participant = target.id;
  }
  // Nobody disappears: a participant left without excerpts gets their first one back.
  for (const p of people) {
    if (out.some((r) => r.participant === p.id)) continue;
    const first = rows.findIndex((r) => r.participant === p.id);
    if (first >= 0) out[first].participant = p.id;
  }
  // Positions: an excerpt that stayed keeps its own; a moved one takes the next free number in its new interview.
  const taken = new Map<string, Set<number>>();
  const stayed = (r: Row, i: number) => r.participant === rows[i].participant;
  const stayedFirst = [...out.filter(stayed), ...out.filter((r, i) => !stayed(r, i))];
  for (const row of stayedFirst) {
    const used = taken.get(row.participant) ?? taken.set(row.participant, new Set()).get(row.participant)!;
    if (row.position === '') continue;
    let n = Number(row.position);
    while (used.has(n)) n++;
    used.add(n);
    row.position = String(n);
  }
  return { cost, rows: out };
}

/** How many participants voice each key (theme or code), for the report. */
export function breadth(rows: Row[], keysOf: (row: Row) => string[]): Map<string, number> {
  const voices = new Map<string, Set<string>>();
  for (const row of rows)
    for (const k of keysOf(row)) (voices.get(k) ?? voices.set(k, new Set()).get(k)!).add(row.participant);
  return new Map([...voices].map(([k, v]) => [k, v.size]));
}

function table(text: string): Record<string, string>[] {
  const [head, ...records] = readCsvRecords(text).records;
  return records.map((r) => Object.fromEntries(head.cells.map((h, i) => [h, r.cells[i] ?? ''])));
}

function run(argv: string[]): void {
  const { values } = parseCommandLine(
    { command: 'node scripts/tools/breadth.ts', options: { write: { type: 'boolean' } } },
    argv,
  );
  const dir = 'content/study';
  const csv = readFileSync(`${dir}/excerpts.csv`, 'utf8');
  const columns = readCsvRecords(csv).records[0].cells;
  const rows = table(csv) as Row[];
  const study = parse(readFileSync(`${dir}/study.yaml`, 'utf8')) as { privacy?: { experienceBands?: number[] } };
  const cuts = study.privacy?.experienceBands ?? [];
  const people: Person[] = table(readFileSync(`${dir}/participants.csv`, 'utf8')).map((p) => ({
    id: p.id,
    group: p.specialty_group,
    specialty: p.specialty,
    sector: p.sector,
    gender: p.gender,
    band: p.years_experience ? experienceBand(Number(p.years_experience), cuts) : undefined,
  }));
  const codebook = parse(readFileSync(`${dir}/codebook.yaml`, 'utf8')) as {
    themes: { id: string; subthemes: { codes: { id: string }[] }[] }[];
  };
  const themes = codebook.themes.map((t) => t.id);
  const themeOfCode = new Map(
    codebook.themes.flatMap((t) => t.subthemes.flatMap((s) => s.codes.map((c) => [c.id, t.id] as const))),
  );
  const after = reassign(rows, people, themeOfCode, themes);
  const themesOf = (r: Row) => themesOfRow(r, themeOfCode);
  const codesOf = (r: Row) => r.codes.split(';').map((c) => c.trim());
  const [t0, t1] = [breadth(rows, themesOf), breadth(after, themesOf)];
  for (const t of themes) console.log(`${t}: voiced by ${t0.get(t)} -> ${t1.get(t)} of ${people.length}`);
  const codes = [...breadth(after, codesOf).values()];
  console.log(`codes: voiced by ${Math.min(...codes)} to ${Math.max(...codes)} participants`);
  const moved = after.filter((r, i) => r.participant !== rows[i].participant);
  console.log(`${moved.length} of ${rows.length} excerpts move:`);
  for (const r of moved)
    console.log(
      `  ${r.id}: ${rows.find((x) => x.id === r.id)!.participant} -> ${r.participant} (position ${r.position})`,
    );
  if (values.write) {
    writeFileSync(`${dir}/excerpts.csv`, toCsv(columns, after).replaceAll('\r\n', '\n'));
    console.log(`wrote ${dir}/excerpts.csv; run npm run build, then update the release manifests if a release is cut`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    run(process.argv.slice(2));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(e.message);
    process.exitCode = 2;
  }
}
