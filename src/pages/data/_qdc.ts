/** The codebook as a REFI-QDA codebook (.qdc), with the provenance and licence note as an XML comment. */
import { exportQdc } from '../../formats/qdc.ts';
import type { Codebook } from '../../contract/index.ts';
import { illustrative, site } from '../../lib/site';
import { provenanceNote } from './_files.ts';

/** The codebook part of the generated site data, without counts, quotes or related themes. */
export function siteCodebook(): Codebook {
  return {
    themes: site.themes.map((t) => ({
      id: t.id, label: t.label, colour: t.colour, definition: t.definition, summary: t.summary, plainSummary: t.plainSummary,
      subthemes: t.subthemes.map((s) => ({ id: s.id, label: s.label, definition: s.definition, codes: s.codes.map((c) => ({ id: c.id, label: c.label, definition: c.definition })) })),
    })),
  };
}

/** XML comments may not contain "--". */
const comment = (text: string) => `<!-- ${text.replaceAll('--', '\u2013')} -->`;

export function codebookQdc(): string {
  const origin = `${site.study.shortTitle ?? site.study.title} site${illustrative ? ' (illustrative codebook)' : ''}`;
  const xml = exportQdc(siteCodebook(), origin);
  const note = comment(`${provenanceNote} Licence: ${site.study.licence.name} (${site.study.licence.url}).`);
  return xml.replace(/^(<\?xml[^>]*\?>\n)/, `$1${note}\n`);
}
