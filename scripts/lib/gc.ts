/**
 * A full garbage collection, asked for at a moment the build knows a lot has just become garbage.
 * V8 collects by allocation pressure, not by how much is garbage: at 20,000 excerpts the build's
 * own thread kept about 240 MB of parsed JSON and search records it no longer used (heap 264 MB,
 * 24 MB once collected), beside Astro for the whole of Astro's build. `--expose-gc` can be set
 * after start-up; `gc` is then read from a fresh context, so no global is added to this one.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | undefined;

export function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}
