/**
 * Who voiced what: participants (rows, by pseudonym) x themes (columns), each cell the number of
 * that participant's excerpts coded with the theme. Rows can be grouped by one attribute, and only
 * by one the study's privacy settings show; a last row gives each theme's total.
 */
import { wrapLabel } from './label-fit.ts';

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
  const left = fontSize * 6;
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
