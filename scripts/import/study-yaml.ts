/** study.yaml of a new import: every value the import cannot know is a TODO placeholder. */
import type { ImportedProject } from './model.ts';

const yamlString = (s: string) => JSON.stringify(s);

/** study.yaml with every value the import cannot know marked TODO; it passes the schema as it is. */
export function studyYaml(
  project: ImportedProject,
  options: { source: string; year: number },
  participants: number,
): string {
  const todo = (what: string) => yamlString(`TODO: ${what}`);
  return `# Study metadata. Imported by \`npm run import\` from ${options.source} (${project.format}).
# Every value that starts with TODO (and every line marked # TODO) is a placeholder: replace them all
# before publishing. The build accepts the placeholders, so the site can be previewed meanwhile.
title: ${yamlString(project.name)}  # TODO: the article's full title (this is the QDA project's name)
authors:
  - family: ${todo('family name of the first author')}
journal: ${todo('journal name')}
year: ${options.year}  # TODO: year of publication
doi: 10.0000/TODO  # TODO: the article's DOI, e.g. 10.1177/00912174251387812
abstract:
  objective: ${todo('objective, from the abstract')}
  method: ${todo('method, from the abstract')}
  results: ${todo('results, from the abstract')}
  conclusion: ${todo('conclusion, from the abstract')}
question: ${todo('the research question in one sentence')}
design: ${todo('study design, e.g. Qualitative, in-depth interviews')}
setting: ${todo('where the study took place')}
sampling: ${todo('how participants were sampled')}
sampleSize: ${Math.max(1, participants)}  # TODO: check against the article (participants imported: ${participants})
analysis: ${todo('analysis approach, e.g. Thematic analysis')}
ethics: ${todo('ethics approval and consent; say "Not reported" rather than guess')}
licence:
  name: ${todo('licence of the published data and text, e.g. CC BY 4.0')}
  url: https://example.org/TODO-licence  # TODO: the licence's URL
provenance:
  kind: study
  notice: ${todo('say where these data come from and what participants consented to')}
privacy:
  k: 3
  # participants.csv columns that may be shown next to a pseudonym${project.participants.some((p) => Object.keys(p.attributes).length) ? ` (available: ${[...new Set(project.participants.flatMap((p) => Object.keys(p.attributes)))].join(', ')})` : ''}.
  shownAttributes: []
`;
}
