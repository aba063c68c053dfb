/** Every file under a folder, as paths relative to it, sorted: for the checks that read a built site. */
import { readdirSync } from 'node:fs';

export function listFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => `${e.parentPath}/${e.name}`.slice(root.replace(/\/$/, '').length + 1))
    .sort();
}
