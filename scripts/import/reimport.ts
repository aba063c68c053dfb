/**
 * The folder side of a re-import: merges the new codebook into the team's codebook.yaml, checks
 * what the team's files point at (themes, subthemes and codes the merge would remove, excerpts
 * the export no longer has), and drops dangling quotes when asked to. Every problem names file,
 * line and id.
 */
import { parse } from 'yaml';
import type { Problem } from '../lib/problems.ts';
import type { Codebook } from '../lib/schema.ts';
import type { StudyFiles } from '../lib/study-files.ts';
import { paint } from './codebook-map.ts';
import { mergeCodebook, type MergeResult } from './merge-codebook.ts';
import type { ImportRecord } from './record.ts';
import {
  dropQuoteElements,
  dropQuotes,
  excerptLinks,
  excerptReferences,
  nodeLinks,
  themeReferences,
  type Reference,
} from './references.ts';

/** What the merge did, for the report. */
export interface MergeReport extends Omit<MergeResult, 'codebook'> {
  /** True when the folder had no import-record.json (imported before records existed). */
  noRecord: boolean;
}

/** Merges codebook.yaml; a node the merge removes while the team's files point at it is a problem. */
export function mergeFolderCodebook(
  previous: StudyFiles,
  record: ImportRecord | undefined,
  theirs: Codebook,
  given: Map<string, string | undefined>,
  placeholder: string,
  problems: Problem[],
): { codebook?: Codebook; report?: MergeReport; notes: string[] } {
  let ours: unknown;
  try {
    ours = parse(previous.codebook ?? '');
  } catch (e) {
    problems.push({
      file: `${previous.dir}/codebook.yaml`,
      message: `cannot be read for the merge (${(e as Error).message.split('\n')[0]}); fix it, or pass --overwrite to replace the folder`,
    });
    return { notes: [] };
  }
  if (!Array.isArray((ours as { themes?: unknown } | null)?.themes)) {
    problems.push({
      file: `${previous.dir}/codebook.yaml`,
      message: 'has no list of themes to merge with; fix it (themes: [...]), or pass --overwrite to replace the folder',
    });
    return { notes: [] };
  }
  // Theirs as the tool gave it: a colour only where the tool gave one.
  const tool: Codebook = { themes: theirs.themes.map((t) => ({ ...t, colour: given.get(t.id) as string })) };
  const merged = mergeCodebook(record?.nodes, ours, tool);
  for (const gone of [...merged.removed, ...merged.emptied]) {
    const refs = gone.kind === 'theme' ? themeReferences(previous, gone.id, placeholder) : nodeLinks(previous, gone.id);
    for (const ref of refs) {
      problems.push({
        file: `${previous.dir}/${ref.file}`,
        line: ref.line,
        message: `points at ${gone.kind} "${gone.id}", which the new export no longer has; move or delete this reference, then import again`,
      });
    }
  }
  const notes = paint(merged.codebook.themes, new Map());
  const { codebook, ...rest } = merged;
  return { codebook, report: { ...rest, noRecord: !record }, notes };
}

/**
 * The team's files with dangling excerpt references dropped (`drop`), or a problem for each:
 * excerpts the new export no longer has, and quotes of excerpts no longer coded with their theme
 * (`themesOf`: the themes each excerpt is coded with now), which the build would refuse too.
 */
export function checkDangling(
  previous: StudyFiles,
  themesOf: Map<string, Set<string>>,
  themes: Set<string>,
  drop: boolean,
  problems: Problem[],
): { quotes?: string; narratives: Record<string, string>; dropped: Reference[] } {
  const refs = excerptReferences(previous);
  const gone = refs.filter((r) => !themesOf.has(r.id));
  const moved = refs.filter(
    (r) => r.theme && themes.has(r.theme) && themesOf.has(r.id) && !themesOf.get(r.id)!.has(r.theme),
  );
  // A link to an excerpt's page is prose: the import cannot drop it, only name it.
  for (const r of excerptLinks(previous)) {
    if (!themesOf.has(r.id))
      problems.push({
        file: `${previous.dir}/${r.file}`,
        line: r.line,
        message: `links to excerpt "${r.id}", which the new export no longer has; edit the link, then import again`,
      });
  }
  if (!drop) {
    for (const r of gone)
      problems.push({
        file: `${previous.dir}/${r.file}`,
        line: r.line,
        message: `points at excerpt "${r.id}", which the new export no longer has; pass --drop-dangling to drop such references, or edit them`,
      });
    for (const r of moved)
      problems.push({
        file: `${previous.dir}/${r.file}`,
        line: r.line,
        message: `quotes excerpt "${r.id}" under theme "${r.theme}", but after this import it is coded with ${[...themesOf.get(r.id)!].map((t) => `"${t}"`).join(', ') || 'no theme'}; move the quote, or pass --drop-dangling to drop it`,
      });
    return { quotes: previous.quotes, narratives: previous.narratives, dropped: [] };
  }
  const ids = new Set(gone.map((r) => r.id));
  const narratives = Object.fromEntries(
    Object.entries(previous.narratives).map(([id, text]) => [
      id,
      gone.some((r) => r.file === `themes/${id}.mdx`) ? dropQuoteElements(text, ids) : text,
    ]),
  );
  const quoted = [...gone, ...moved].filter((r) => r.file === 'quotes.yaml');
  const quotes =
    previous.quotes !== undefined && quoted.length
      ? dropQuotes(previous.quotes, new Set(quoted.map((r) => `${r.theme} ${r.id}`)))
      : previous.quotes;
  return {
    quotes,
    narratives,
    dropped: [...gone, ...moved].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line),
  };
}
