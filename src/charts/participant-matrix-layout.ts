/**
 * Who voiced what: participants (rows, by pseudonym) x themes (columns), each cell the number of
 * that participant's excerpts coded with the theme. Rows can be grouped by one attribute, and only
 * by one the study's privacy settings show; a last row gives each theme's total.
 */
import { estimateWidth, wrapLabel } from './label-fit.ts';

export interface MatrixRow {
  participant: string;
  attributes: Record<string, string>;
  counts: number[];
}
export interface MatrixTheme {
  id: string;
  label: string;
  colour: string;
}
/** Group rows by this attribute; `order` lists its values in the order to show them. */
export interface Grouping {
  attribute: string;
  label: string;
  order?: string[];
}

export interface PmCell {
  theme: string;
  x: number;
  value: number;
  opacity: number;
  colour: string;
}
export interface PmRow {
  participant: string;
  group: string | null;
  y: number;
  cells: PmCell[];
}
export interface PmGroup {
  value: string;
  y: number;
  participants: number;
}
export interface PmColumn extends MatrixTheme {
  x: number;
  lines: string[];
  total: number;
}

export interface PmLayout {
  width: number;
  height: number;
  left: number;
  top: number;
  cellWidth: number;
  rowHeight: number;
  columns: PmColumn[];
  groups: PmGroup[];
  rows: PmRow[];
  /** Baseline of the totals row. */
  totalsY: number;
  max: number;
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * Lays out the matrix; `grouping` null keeps pseudonym order without group headings. Grouping by
 * an attribute outside `shownAttributes` (privacy.shownAttributes) is refused.
 */
export function layoutParticipantMatrix(
  rows: MatrixRow[],
  themes: MatrixTheme[],
  grouping: Grouping | null,
  options: { width: number; fontSize?: number; shownAttributes: string[] },
): PmLayout {
  const { width, fontSize = 12, shownAttributes } = options;
  if (grouping && !shownAttributes.includes(grouping.attribute)) {
    throw new Error(
      `participant matrix: cannot group by "${grouping.attribute}": the study's privacy settings show only ${shownAttributes.map((a) => `"${a}"`).join(', ') || 'no attributes'}`,
    );
  }
  const rowHeight = fontSize * 2;
  const groupHeight = fontSize * 2.4;
  // Room for the row names (pseudonyms, or group names): at least six ems, at most 40% of the width.
  const left = round(
    Math.min(width * 0.4, Math.max(fontSize * 6, ...rows.map((r) => estimateWidth(r.participant, fontSize) + 14))),
  );
  const cellWidth = (width - left) / Math.max(1, themes.length);
  const lines = themes.map((t) => wrapLabel(t.label, cellWidth - 8, fontSize, 4));
  const top = Math.max(...lines.map((l) => l.length), 1) * fontSize * 1.2 + 10;
  const max = Math.max(1, ...rows.flatMap((r) => r.counts));
  const value = (r: MatrixRow) => (grouping ? (r.attributes[grouping.attribute] ?? 'Not shown') : '');
  const values = grouping
    ? [...new Set([...(grouping.order ?? []), ...rows.map(value).sort()])].filter((v) =>
        rows.some((r) => value(r) === v),
      )
    : [''];
  const groups: PmGroup[] = [];
  const laid: PmRow[] = [];
  let y = top;
  for (const v of values) {
    const members = rows.filter((r) => value(r) === v);
    if (grouping) {
      groups.push({ value: v, y: round(y), participants: members.length });
      y += groupHeight;
    }
    for (const r of members) {
      laid.push({
        participant: r.participant,
        group: grouping ? v : null,
        y: round(y),
        cells: themes.map((t, i) => ({
          theme: t.id,
          x: round(left + i * cellWidth),
          value: r.counts[i] ?? 0,
          opacity: round(0.08 + 0.8 * ((r.counts[i] ?? 0) / max)),
          colour: t.colour,
        })),
      });
      y += rowHeight;
    }
  }
  const columns = themes.map((t, i) => ({
    ...t,
    x: round(left + i * cellWidth),
    lines: lines[i],
    total: rows.reduce((n, r) => n + (r.counts[i] ?? 0), 0),
  }));
  return {
    width,
    height: round(y + rowHeight + 6),
    left,
    top: round(top),
    cellWidth: round(cellWidth),
    rowHeight,
    columns,
    groups,
    rows: laid,
    totalsY: round(y),
    max,
  };
}

/**
 * The most participants the matrix gives a row each. Past this (a study of 1,000 participants drew
 * a page of 12 MB: three drawings of 12,000 cells), a row is a group of participants who share a
 * value of a shown attribute, and the table lists the groups.
 */
export const PARTICIPANT_ROWS = 100;

/** A row of participants grouped by one attribute's value: their counts added up. */
export interface GroupRow extends MatrixRow {
  /** How many participants the group holds. */
  participants: number;
  /** Per theme, how many of them voiced it (had an excerpt coded with it). */
  voiced: number[];
}

/**
 * The rows grouped by `grouping`'s attribute, one row per value in its order (then the others,
 * sorted; "Not shown" for a participant without the value), named by the value; with no grouping,
 * one row of everyone, named `everyone`.
 */
export function groupRows(rows: MatrixRow[], themes: number, grouping: Grouping | null, everyone = 'All'): GroupRow[] {
  const value = (r: MatrixRow) => (grouping ? (r.attributes[grouping.attribute] ?? 'Not shown') : everyone);
  const values = [...new Set([...(grouping?.order ?? []), ...rows.map(value).sort()])];
  return values.flatMap((v) => {
    const members = rows.filter((r) => value(r) === v);
    if (!members.length) return [];
    const sum = (i: number) => members.reduce((n, r) => n + (r.counts[i] ?? 0), 0);
    const voiced = (i: number) => members.filter((r) => (r.counts[i] ?? 0) > 0).length;
    return [
      {
        participant: v,
        attributes: grouping ? { [grouping.attribute]: v } : {},
        counts: Array.from({ length: themes }, (_, i) => sum(i)),
        participants: members.length,
        voiced: Array.from({ length: themes }, (_, i) => voiced(i)),
      },
    ];
  });
}
