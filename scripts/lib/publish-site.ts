/**
 * Publishing a built site: the staging folder replaces the output folder only once every stage has
 * succeeded, so that a failed build leaves the previous site as it was. The swap keeps the old
 * site at `<out>.old` for the moment between the two renames; a build killed then has it put
 * back by the next one (build-lock.ts).
 */
import { existsSync, renameSync, rmSync } from 'node:fs';

/** Swaps the staged site into place. */
export function publishSite(staging: string, outDir: string): void {
  const old = `${outDir}.old`;
  rmSync(old, { recursive: true, force: true });
  if (existsSync(outDir)) renameSync(outDir, old);
  renameSync(staging, outDir);
  rmSync(old, { recursive: true, force: true });
}

/**
 * Keeps a site the build refused (`--keep-refused`) for reading, at `<out>.refused`, a name no build
 * publishes from; returns where, or undefined when nothing was staged.
 */
export function keepRefusedSite(staging: string, outDir: string): string | undefined {
  if (!existsSync(staging)) return undefined;
  const refused = `${outDir}.refused`;
  rmSync(refused, { recursive: true, force: true });
  renameSync(staging, refused);
  return refused;
}
