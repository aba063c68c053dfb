/** The import report: what was imported, what was skipped and why, and what to do next. */
import type { ImportSummary } from './to-study-folder.ts';

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
    lines.push('', '## Narratives of themes that are gone', '', 'These files were removed; their text follows so that nothing is lost.');
    for (const d of s.dropped) lines.push('', `### ${d.file}`, '', '```mdx', d.text.trimEnd(), '```');
  }
  lines.push('', '## Next steps', '',
    '1. Replace every TODO in study.yaml and every "to be written" placeholder in codebook.yaml.',
    '2. Choose privacy.shownAttributes in study.yaml. The k rule: every combination of shown values must be shared by at least privacy.k participants (3);',
    '   with no attribute shown everyone is one group, so a study with fewer than k participants is refused.',
    '3. Write the narratives in themes/*.mdx, pick quotes in quotes.yaml, list names in redactions.yaml.',
    `4. Build: npm run content -- --study ${out}`);
  return `${lines.join('\n')}\n`;
}
