/**
 * Participants of a REFI-QDA project: one per Case where the project has Cases (with its
 * Variables as attributes), otherwise one per text source (with the source's variables).
 */
import { columnName } from './ids.ts';
import type { RawParticipant, Skip } from './model.ts';
import { guidKey, kid, kids, type XmlElement } from './xml.ts';

/** A text source as the participant assignment sees it. */
export interface SourceInfo {
  key: string;
  name: string;
  element: XmlElement;
}

/** Decides the participant of each passage, and lists the participants that got any. */
export interface Participants {
  /** Participant key for a passage of `source`, made of the selections `guids`. */
  assign(source: SourceInfo, guids: string[]): string;
  /** Participants with at least one passage, cases in document order, then sources. */
  used(): RawParticipant[];
  skipped: Skip[];
  notes: string[];
}

/** Reads Variables and Cases; values of unknown variables are skipped with a note. */
export function readParticipants(root: XmlElement): Participants {
  const skipped: Skip[] = [];
  const notes: string[] = [];
  const columns = new Map<string, string>();
  const taken = new Set<string>();
  for (const v of kids(kid(root, 'Variables'), 'Variable')) {
    let col = columnName(v.getAttribute('name') ?? '');
    for (let n = 2; taken.has(col); n++) col = `${columnName(v.getAttribute('name') ?? '')}_${n}`;
    taken.add(col);
    columns.set(guidKey(v.getAttribute('guid') ?? ''), col);
  }
  const attributesOf = (el: XmlElement, owner: string) => {
    const attributes: Record<string, string> = {};
    for (const vv of kids(el, 'VariableValue')) {
      const ref = kid(vv, 'VariableRef')?.getAttribute('targetGUID') ?? '';
      const col = columns.get(guidKey(ref));
      const value =
        [
          ...kids(vv, 'TextValue'),
          ...kids(vv, 'BooleanValue'),
          ...kids(vv, 'IntegerValue'),
          ...kids(vv, 'FloatValue'),
          ...kids(vv, 'DateValue'),
          ...kids(vv, 'DateTimeValue'),
        ][0]?.textContent?.trim() ?? '';
      if (col) attributes[col] = value;
      else
        skipped.push({ what: `a value of ${owner}`, why: `it refers to variable ${ref}, which is not in <Variables>` });
    }
    return attributes;
  };

  const cases: RawParticipant[] = [];
  const caseOfSource = new Map<string, string>();
  const caseOfSelection = new Map<string, string>();
  for (const c of kids(kid(root, 'Cases'), 'Case')) {
    const key = `case:${guidKey(c.getAttribute('guid') ?? '')}`;
    const name = c.getAttribute('name') || c.getAttribute('guid') || '';
    cases.push({ key, name, attributes: attributesOf(c, `case "${name}"`) });
    for (const ref of kids(c, 'SourceRef')) {
      const source = guidKey(ref.getAttribute('targetGUID') ?? '');
      if (!caseOfSource.has(source)) caseOfSource.set(source, key);
      else
        notes.push(
          `A source is in more than one case; its passages went to the first, "${cases.find((p) => p.key === caseOfSource.get(source))?.name}".`,
        );
    }
    for (const ref of kids(c, 'SelectionRef')) {
      const sel = guidKey(ref.getAttribute('targetGUID') ?? '');
      if (!caseOfSelection.has(sel)) caseOfSelection.set(sel, key);
    }
  }

  const bySource = new Map<string, RawParticipant>();
  const usedKeys = new Set<string>();
  return {
    skipped,
    notes,
    assign(source, guids) {
      const key = guids.map((g) => caseOfSelection.get(g)).find(Boolean) ?? caseOfSource.get(source.key);
      if (key) {
        usedKeys.add(key);
        return key;
      }
      // No case: the source is the participant. With cases present, say so: it may be a mistake.
      if (!bySource.has(source.key)) {
        bySource.set(source.key, {
          key: `source:${source.key}`,
          name: source.name,
          attributes: attributesOf(source.element, `source "${source.name}"`),
        });
        if (cases.length) notes.push(`Source "${source.name}" is in no case; it became a participant of its own.`);
      }
      usedKeys.add(`source:${source.key}`);
      return `source:${source.key}`;
    },
    used() {
      for (const c of cases)
        if (!usedKeys.has(c.key)) skipped.push({ what: `case "${c.name}"`, why: 'no coded passage belongs to it' });
      return [...cases, ...bySource.values()].filter((p) => usedKeys.has(p.key));
    },
  };
}
