/** The codebook as a REFI-QDA codebook (.qdc), with the provenance and licence note as an XML comment. */
import { exportQdc } from '../../formats/qdc.ts';
import { illustrative, site } from '../../lib/site';
import { provenanceNote } from './_files.ts';

/** XML comments may not contain "--". */
const comment = (text: string) => `<!-- ${text.replaceAll('--', '\u2013')} -->`;

/** The codebook as a .qdc, with the site's provenance note and licence. */
export function codebookQdc(): string {
  const origin = `${site.study.shortTitle ?? site.study.title} site${illustrative ? ' (illustrative codebook)' : ''}`;
  // The export is a function of the contract's data: a site theme is a codebook theme with counts
  // added, so the themes go in as the site has them. Writing the .qdc in the content stage instead
  // would put a second copy of the codebook in the generated folder, and a second place that knows
  // the provenance note and licence the site states.
  const xml = exportQdc(site, origin);
  const note = comment(`${provenanceNote} Licence: ${site.study.licence.name} (${site.study.licence.url}).`);
  return xml.replace(/^(<\?xml[^>]*\?>\n)/, `$1${note}\n`);
}
