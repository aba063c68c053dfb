/**
 * Study files are UTF-8, strictly: a byte that is not UTF-8 (a file saved as Latin-1 or
 * Windows-1252) is an error naming the file, line and byte offset, never a silent U+FFFD that
 * would change a redaction term and the text it should match alike. Text is normalised to NFC, so
 * that a term typed precomposed ("ë") matches text stored decomposed ("e" + U+0308), and back.
 */
import type { Problem } from './problems.ts';

/** Where the first invalid byte sequence of `bytes` starts, or -1 when all of it is UTF-8. */
export function firstInvalidByte(bytes: Uint8Array): number {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return -1;
  } catch {
    // Only on the error path: find the sequence with the same decoder, fed in chunks and then
    // byte by byte, so the rules are the platform's (overlongs, surrogates, > U+10FFFF), not ours.
  }
  const CHUNK = 1 << 16;
  const chunked = new TextDecoder('utf-8', { fatal: true });
  let at = 0;
  try {
    for (; at < bytes.length; at += CHUNK) chunked.decode(bytes.subarray(at, at + CHUNK), { stream: true });
    at = Math.max(0, bytes.length - 3); // the file ends inside a character
    chunked.decode();
    return -1; // cannot happen: the whole-buffer decode failed
  } catch {
    /* the bad sequence ends after `at`; it may start up to 3 bytes before it */
  }
  // A character boundary at or before `at`: back over continuation bytes (10xxxxxx).
  for (let back = 0; back < 3 && at > 0 && (bytes[at] & 0xc0) === 0x80; back++) at--;
  const bytewise = new TextDecoder('utf-8', { fatal: true });
  // `boundary`: where the sequence being decoded began (after the last completed character).
  let boundary = at;
  try {
    for (let i = at; i < bytes.length; i++)
      if (bytewise.decode(bytes.subarray(i, i + 1), { stream: true })) boundary = i + 1;
    bytewise.decode();
  } catch {
    /* the sequence that began at `boundary` is not UTF-8, or is cut short by the end */
  }
  return boundary;
}

/** Decodes a study file: NFC text, or the problem that makes it unreadable. */
export function decodeStudyText(bytes: Uint8Array, file: string): { text: string } | { problem: Problem } {
  const offset = firstInvalidByte(bytes);
  if (offset < 0) return { text: new TextDecoder('utf-8').decode(bytes).normalize('NFC') };
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  const found =
    offset < bytes.length
      ? `byte 0x${bytes[offset].toString(16).toUpperCase().padStart(2, '0')}`
      : 'the end of the file inside a character';
  return {
    problem: {
      file,
      line,
      message:
        `not valid UTF-8: found ${found} at byte offset ${offset}, expected UTF-8 text ` +
        '(the file was probably saved as Latin-1 or Windows-1252; open it and save it again as UTF-8)',
    },
  };
}
