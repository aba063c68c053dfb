/**
 * Opens a REFI-QDA project: a .qdpx zip (project file and a sources folder) or a bare .qde with
 * its sources beside it. Real exports differ from the standard's `project.qde` + `sources/`:
 * the .qde is often named after the project, and the folder may be `Sources/`.
 */
import { unzipSync } from 'fflate';
import type { Problem } from '../lib/problems.ts';
import type { InputFile } from './model.ts';
import { decodeText } from './positions.ts';
import type { SourceFiles } from './refi-project.ts';

/** Reads a file the project refers to outside the archive, by path relative to the input's folder (or absolute). */
export type ReadExternal = (path: string) => Uint8Array | undefined;

/** An opened project: the .qde text, its name for messages, and how to find its sources. */
export interface OpenedProject {
  xml: string;
  file: string;
  files: SourceFiles;
}

const utf8 = (bytes: Uint8Array, file: string, problems: Problem[]) => {
  const decoded = decodeText(bytes);
  if ('error' in decoded) {
    problems.push({ file, message: decoded.error });
    return undefined;
  }
  return decoded.text;
};

/** Unzips a .qdpx and finds its .qde; a corrupt zip or a missing .qde is a problem. */
export function openQdpx(input: InputFile, external: ReadExternal): { opened?: OpenedProject; problems: Problem[] } {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(input.bytes);
  } catch (e) {
    return {
      problems: [
        {
          file: input.name,
          message: `not a readable zip archive (${(e as Error).message}); a .qdpx file is a zip: export the project again`,
        },
      ],
    };
  }
  const names = Object.keys(entries).filter((n) => !n.endsWith('/'));
  const qdes = names.filter((n) => /\.qde$/i.test(n));
  // The standard says project.qde; NVivo and others name it after the project. Take the one
  // nearest the root, preferring project.qde when there are several.
  const depth = (n: string) => n.split('/').length;
  const top = qdes.filter((n) => depth(n) === Math.min(...qdes.map(depth)));
  const qde = top.length === 1 ? top[0] : top.find((n) => /(^|\/)project\.qde$/i.test(n));
  if (!qde) {
    return {
      problems: [
        {
          file: input.name,
          message: qdes.length
            ? `found ${qdes.length} project files (${qdes.join(', ')}), expected one .qde`
            : `no .qde project file in the archive (it holds ${names.slice(0, 5).join(', ') || 'nothing'}${names.length > 5 ? ', ...' : ''})`,
        },
      ],
    };
  }
  const file = `${input.name}/${qde}`;
  const problems: Problem[] = [];
  const xml = utf8(entries[qde], file, problems);
  if (xml === undefined) return { problems };
  const folder = qde.includes('/') ? qde.slice(0, qde.lastIndexOf('/') + 1) : '';
  const byLowerName = new Map(names.map((n) => [n.toLowerCase(), n]));
  return {
    problems,
    opened: {
      xml,
      file,
      files: {
        internal(name) {
          // `sources/` by the standard, `Sources/` by some tools: match the path in any case.
          const path = byLowerName.get(`${folder}sources/${name}`.toLowerCase());
          return path
            ? { bytes: entries[path] }
            : { lookedIn: `for ${folder}sources/${name} in ${input.name}, in any letter case` };
        },
        external,
      },
    },
  };
}

/** A bare .qde: internal sources are read from a `sources/` (or `Sources/`) folder beside it. */
export function openQde(input: InputFile, external: ReadExternal): { opened?: OpenedProject; problems: Problem[] } {
  const problems: Problem[] = [];
  const xml = utf8(input.bytes, input.name, problems);
  if (xml === undefined) return { problems };
  return {
    problems,
    opened: {
      xml,
      file: input.name,
      files: {
        internal(name) {
          const bytes = external(`sources/${name}`) ?? external(`Sources/${name}`);
          return bytes ? { bytes } : { lookedIn: `for sources/${name} beside ${input.name}` };
        },
        external,
      },
    },
  };
}
