/**
 * Gives the illustrative dataset realistic breadth. In the bundled study every participant voices
 * every theme ("voiced by 22 of 22" on every card), which tells a reader nothing. This tool moves
 * excerpts between participants of the same specialty group, deterministically, so that each theme
 * is voiced by a different share of participants; codes follow. Not part of the build.
 *
 *   npm exec -- node scripts/tools/breadth.ts            report what would change
 *   npm exec -- node scripts/tools/breadth.ts --write    rewrite content/study/excerpts.csv
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';
import { readCsvRecords } from '../lib/parse-csv.ts';
import { toCsv } from '../../src/formats/csv.ts';

/** The fields of an excerpt row this tool reads and changes; the rest are carried through. */
export interface Row { id: string; participant: string; position: string; codes: string; [column: string]: string }
export interface Person { id: string; group: string }

/** Shares of participants voicing each theme, in codebook order (repeated if there are more themes). */
export const SHARES = [0.95, 0.8, 0.65, 0.5, 0.4];

const rank = (...parts: string[]) => createHash('sha256').update(parts.join('\u0000')).digest('hex');

/**
 * Chooses, per theme, a share of the participants (SHARES); moves each excerpt whose participant is
 * not chosen for its themes to one who is, in the same specialty group where there is one.
 * Every participant keeps at least one excerpt; positions stay unique within a participant.
 */
export function reassign(rows: Row[], people: Person[], themeOfCode: Map<string, string>, themes: string[]): Row[] {
  const chosen = new Map(themes.map((t, i) => {
    const k = Math.max(1, Math.round(people.length * SHARES[i % SHARES.length]));
    return [t, new Set([...people].sort((a, b) => rank(t, a.id).localeCompare(rank(t, b.id))).slice(0, k).map((p) => p.id))];
  }));
  const groupOf = new Map(people.map((p) => [p.id, p.group]));
  const out = rows.map((r) => ({ ...r }));
  for (const row of out) {
    // A participant chosen for every theme the excerpt carries, or failing that for its first code's theme.
    const themesHere = [...new Set(row.codes.split(';').map((c) => themeOfCode.get(c.trim())).filter((t): t is string => !!t))];
    if (!themesHere.length) continue;
    const all = [...chosen.get(themesHere[0])!].filter((p) => themesHere.every((t) => chosen.get(t)!.has(p)));
    const allowed = new Set(all.length ? all : chosen.get(themesHere[0])!);
    if (allowed.has(row.participant)) continue;
    const candidates = [...allowed].filter((p) => groupOf.get(p) === groupOf.get(row.participant));
    const pool = candidates.length ? candidates : [...allowed];
    row.participant = pool.sort((a, b) => rank(row.id, a).localeCompare(rank(row.id, b)))[0];
  }
  // Nobody disappears: a participant left without excerpts gets their first one back.
  for (const p of people) {
    if (out.some((r) => r.participant === p.id)) continue;
    const first = rows.findIndex((r) => r.participant === p.id);
    if (first >= 0) out[first].participant = p.id;
  }
  // Positions: kept where free, otherwise the next free number in that participant's interview.
  const taken = new Map<string, Set<number>>();
  for (const row of out) {
    const used = taken.get(row.participant) ?? taken.set(row.participant, new Set()).get(row.participant)!;
    if (row.position === '') continue;
    let n = Number(row.position);
    while (used.has(n)) n++;
    used.add(n);
    row.position = String(n);
  }
  return out;
}

/** How many participants voice each key (theme or code), for the report. */
export function breadth(rows: Row[], keysOf: (row: Row) => string[]): Map<string, number> {
  const voices = new Map<string, Set<string>>();
  for (const row of rows) for (const k of keysOf(row)) (voices.get(k) ?? voices.set(k, new Set()).get(k)!).add(row.participant);
  return new Map([...voices].map(([k, v]) => [k, v.size]));
}

function table(text: string): Record<string, string>[] {
  const [head, ...records] = readCsvRecords(text).records;
  return records.map((r) => Object.fromEntries(head.cells.map((h, i) => [h, r.cells[i] ?? ''])));
}

function run(args: string[]): void {
  const dir = 'content/study';
  const csv = readFileSync(`${dir}/excerpts.csv`, 'utf8');
  const columns = readCsvRecords(csv).records[0].cells;
  const rows = table(csv) as Row[];
  const people = table(readFileSync(`${dir}/participants.csv`, 'utf8')).map((p) => ({ id: p.id, group: p.specialty_group }));
  const codebook = parse(readFileSync(`${dir}/codebook.yaml`, 'utf8')) as { themes: { id: string; subthemes: { codes: { id: string }[] }[] }[] };
  const themes = codebook.themes.map((t) => t.id);
  const themeOfCode = new Map(codebook.themes.flatMap((t) => t.subthemes.flatMap((s) => s.codes.map((c) => [c.id, t.id] as const))));
  const after = reassign(rows, people, themeOfCode, themes);
  const themesOf = (r: Row) => [...new Set(r.codes.split(';').map((c) => themeOfCode.get(c.trim())!).filter(Boolean))];
  const codesOf = (r: Row) => r.codes.split(';').map((c) => c.trim());
  const [t0, t1] = [breadth(rows, themesOf), breadth(after, themesOf)];
  for (const t of themes) console.log(`${t}: voiced by ${t0.get(t)} -> ${t1.get(t)} of ${people.length}`);
  const codes = [...breadth(after, codesOf).values()];
  console.log(`codes: voiced by ${Math.min(...codes)} to ${Math.max(...codes)} participants`);
  const moved = after.filter((r, i) => r.participant !== rows[i].participant);
  console.log(`${moved.length} of ${rows.length} excerpts move:`);
  for (const r of moved) console.log(`  ${r.id}: ${rows.find((x) => x.id === r.id)!.participant} -> ${r.participant} (position ${r.position})`);
  if (args.includes('--write')) {
    writeFileSync(`${dir}/excerpts.csv`, toCsv(columns, after).replaceAll('\r\n', '\n'));
    console.log(`wrote ${dir}/excerpts.csv; run npm run build, then update the release manifests if a release is cut`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) run(process.argv.slice(2));
