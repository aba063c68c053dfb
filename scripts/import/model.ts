/**
 * The intermediate form every reader (REFI-QDA, Taguette, QualCoder) produces and
 * to-study-folder.ts turns into a study folder: a code tree, participants and coded passages,
 * with everything skipped on the way and why.
 */

/** A code of the QDA project, with its children: folders, codes and sub-codes alike. */
export interface CodeNode {
  /** The tool's identity for the code: a normalized GUID (lowercase, no braces) or a name. */
  key: string;
  name: string;
  description?: string;
  /** As #rrggbb, when the tool gave one. */
  colour?: string;
  /** false for folders that cannot be applied to text (REFI-QDA `isCodable="false"`). */
  codable: boolean;
  children: CodeNode[];
}

/** A participant before ids are assigned. */
export interface RawParticipant {
  /** Unique within the import: a case GUID, a source GUID or a document name. */
  key: string;
  /**
   * The case or document name in the QDA project; private, only shown in the import report.
   * The pseudonym follows it from import to import (import-record.json keeps its digest).
   */
  name: string;
  /** A pseudonym given by a --participants mapping; otherwise one is assigned. */
  id?: string;
  attributes: Record<string, string>;
}

/** A coded passage before ids are assigned. */
export interface RawExcerpt {
  /**
   * Where the excerpt id comes from: a selection GUID (32 hex digits), or, for tools without
   * stable GUIDs, a digest of the passage (contentHex in ids.ts: document name and text).
   */
  idFrom: { guid: string } | { content: string };
  /** Start and end in the source document, when the tool gives them (REFI-QDA). */
  span?: [number, number];
  /** RawParticipant.key */
  participant: string;
  /** The source document's name, for a --participants mapping. */
  document: string;
  /** Sort key within the participant: document order, then position. */
  order: number[];
  text: string;
  /** CodeNode.key of every code applied. */
  codes: string[];
}

/** Something the import left out, and why. */
export interface Skip {
  what: string;
  why: string;
}

/** A QDA project read into the intermediate form. */
export interface ImportedProject {
  /** e.g. "REFI-QDA project (NVivo 14)". */
  format: string;
  /** Project name, used as the study's placeholder title. */
  name: string;
  codes: CodeNode[];
  participants: RawParticipant[];
  excerpts: RawExcerpt[];
  skipped: Skip[];
  /** Decisions the import made that the research team should know about. */
  notes: string[];
}

/** A file given to the importer: its name as the user typed it, and its bytes. */
export interface InputFile {
  name: string;
  bytes: Uint8Array;
}
