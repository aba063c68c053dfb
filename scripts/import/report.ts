/** The import report: what was imported, what was skipped and why, and what to do next. */
import type { MergeReport } from './reimport.ts';
import type { ImportSummary } from './to-study-folder.ts';

const cell = (v: string | undefined) =>
  (v === undefined ? '(none)' : JSON.stringify(v.length > 70 ? `${v.slice(0, 67)}...` : v)).replace(/\|/g, '\\|');
const OUTCOME = { tool: 'from the export', kept: 'kept yours', conflict: 'CONFLICT: both changed, kept yours' };

/** The codebook merge, field by field. */
function mergeSection(m: MergeReport): string[] {
  const lines = ['## Codebook merge', ''];
  lines.push(
    m.noRecord
      ? "The folder had no import-record.json (it was imported before records existed): values you wrote were kept, placeholders took the export's values."
      : "Three-way merge of codebook.yaml against import-record.json: a field only you changed keeps your value, a field only the tool changed takes the export's, a field both changed keeps yours and is a conflict.",
  );
  lines.push('Summaries and plain summaries are always yours: the tools have none.');
  if (m.changes.length) {
    lines.push(
      '',
      '| Id | Field | Outcome | codebook.yaml | the export |',
      '| --- | --- | --- | --- | --- |',
      ...m.changes.map((c) => `| ${c.id} | ${c.field} | ${OUTCOME[c.outcome]} | ${cell(c.ours)} | ${cell(c.theirs)} |`),
    );
  }
  lines.push(
    '',
    m.changes.length
      ? 'Every other field was the same in codebook.yaml and the export.'
      : 'Every field was the same in codebook.yaml and the export, or only you changed it.',
  );
  const list = (title: string, items: string[]) => {
    if (items.length) lines.push('', `### ${title}`, '', ...items.map((i) => `- ${i}`));
  };
  list(
    'Added from the export',
    m.added.map((a) => `${a.kind} "${a.id}"${a.parent ? ` under "${a.parent}"` : ''}`),
  );
  const gone = (r: MergeReport['removed'][number]) =>
    `${r.kind} "${r.id}"${
      Object.keys(r.written).length
        ? `; what you had written in it: ${Object.entries(r.written)
            .map(([f, v]) => `${f} ${JSON.stringify(v)}`)
            .join(', ')}`
        : ''
    }`;
  list('Gone from the export, removed', m.removed.map(gone));
  list('Left without codes, removed', m.emptied.map(gone));
  list('Notes', m.notes);
  return lines;
}

/** What happened to excerpts since the last import. */
function excerptSection(s: ImportSummary): string[] {
  const e = s.excerptIds!;
  const lines = [
    '## Excerpts since the last import',
    '',
    `${s.counts.excerpts - e.added.length - e.edited.length} kept their id unchanged, ${e.edited.length} edited, ${e.added.length} new, ${e.gone.length} gone.`,
  ];
  const list = (title: string, items: string[]) => {
    if (items.length) lines.push('', `### ${title}`, '', ...items.map((i) => `- ${i}`));
  };
  list('New participants', s.newParticipants);
  list('Edited in the tool (same source, overlapping passage): id kept', e.edited);
  list('New', e.added);
  list('Gone from the export', e.gone);
  if (s.goneReleased.length)
    lines.push(
      '',
      `${s.goneReleased.length} gone excerpt${s.goneReleased.length === 1 ? ' was' : 's were'} published by a release (${s.goneReleased.join(', ')}): they become tombstones; say why in withdrawn.yaml, and scrub their text from releases/ as the next build asks (see Releases).`,
    );
  list("Text edited in excerpts.csv, kept over the export's", s.keptTexts);
  list(
    'References dropped (--drop-dangling): excerpts gone, or quotes under a theme their excerpt left',
    s.droppedReferences.map((r) => `${r.file}:${r.line} ${r.id}${r.theme ? ` (theme ${r.theme})` : ''}`),
  );
  return lines;
}

/** Renders the report as Markdown, for the terminal and for `<out>.import-report.md`. */
export function renderReport(s: ImportSummary, out: string): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const lines = [
    '# Import report',
    '',
    `Imported ${s.source} (${s.format}) into ${out}.`,
    'Private: this report names cases and files as the QDA project does. Do not publish or commit it.',
    '',
    '## Imported',
    '',
    `- ${plural(s.counts.themes, 'theme')}, ${plural(s.counts.subthemes, 'subtheme')}, ${plural(s.counts.codes, 'code')}`,
    `- ${plural(s.counts.participants, 'participant')}, ${plural(s.counts.excerpts, 'excerpt')}`,
    '',
    '| Pseudonym | Name in the QDA project | Excerpts |',
    '| --- | --- | --- |',
    ...s.participants.map((p) => `| ${p.id} | ${p.name.replace(/\|/g, '\\|')} | ${p.excerpts} |`),
    '',
    `## Skipped (${s.skipped.length})`,
    '',
    ...(s.skipped.length ? s.skipped.map((k) => `- ${k.what}: ${k.why}`) : ['Nothing.']),
    '',
    '## Decisions',
    '',
    ...s.notes.map((n) => `- ${n}`),
  ];
  if (s.kept.length) lines.push('', '## Kept from the previous folder', '', ...s.kept.map((f) => `- ${f}`));
  if (s.dropped.length) {
    lines.push(
      '',
      '## Narratives of themes that are gone',
      '',
      'These files were removed; their text follows so that nothing is lost.',
    );
    for (const d of s.dropped) lines.push('', `### ${d.file}`, '', '```mdx', d.text.trimEnd(), '```');
  }
  if (s.merge) lines.push('', ...mergeSection(s.merge));
  if (s.excerptIds) lines.push('', ...excerptSection(s));
  if (s.validation?.length)
    lines.push(
      '',
      `## The folder does not validate yet (${s.validation.length})`,
      '',
      "The build's own checks of the folder as written; the next build stops on these:",
      '',
      ...s.validation.map((v) => `- ${v}`),
    );
  lines.push(
    '',
    '## Next steps',
    '',
    '1. Replace every TODO in study.yaml and every "to be written" placeholder in codebook.yaml.',
    '2. Choose privacy.shownAttributes in study.yaml. The k rule: every combination of shown values must be shared by at least privacy.k participants (3);',
    '   with no attribute shown everyone is one group, so a study with fewer than k participants is refused.',
    '3. Write the narratives in themes/*.mdx, pick quotes in quotes.yaml, list names in redactions.yaml.',
    `4. Build: npm run content -- --study ${out}`,
  );
  return `${lines.join('\n')}\n`;
}
