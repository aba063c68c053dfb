/**
 * One build at a time per output folder. A build holds `<out>.lock`, a small JSON file saying which
 * process holds it, since when, its staging folders and its children's process groups. A second
 * build to the same folder is refused with a clear message while the holder lives; when the
 * holder has died (`kill -9`, a power cut), the next build ends the dead build's process groups
 * that are still running, removes the folders it staged in, and takes the lock. Any build also
 * removes the run folders (build-folders.ts) of builds no longer running.
 */
import {
  existsSync,
  linkSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** What the lock file records about the build that holds it. */
export interface LockInfo {
  pid: number;
  /** ISO time the build started. */
  started: string;
  /** Folders the build writes beside the output (staging, search index): removed if it dies. */
  folders: string[];
  /** Process groups of its children (see child-group.ts): ended if it dies. */
  groups: number[];
}

/** Whether a process is running (EPERM: it is, under another user). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether `group` is still led by a build's child guard (and not by some process that reused the number). */
function isGuardGroup(group: number): boolean {
  try {
    return readFileSync(`/proc/${group}/cmdline`, 'utf8').includes('child-guard');
  } catch {
    return false;
  }
}

/** Removes a folder; a message saying where it is when it cannot. */
export function removeFolder(path: string, what: string): string | undefined {
  try {
    rmSync(path, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    return undefined;
  } catch (e) {
    return `could not remove ${what} ${path} (${(e as Error).message}); it may hold unredacted pages: remove it by hand`;
  }
}

/** A held lock: record more about the build, or release it. */
export interface BuildLock {
  path: string;
  record(change: Partial<Pick<LockInfo, 'folders' | 'groups'>>): void;
  release(): void;
}

/** The lock for an output folder; `heldBy` when a live build holds it. `notes` say what was cleaned up after a dead one. */
export function acquireBuildLock(
  outDir: string,
  runsDir?: string,
): { lock: BuildLock; notes: string[] } | { heldBy: LockInfo; path: string } {
  const path = `${outDir}.lock`;
  const info: LockInfo = { pid: process.pid, started: new Date().toISOString(), folders: [], groups: [] };
  const notes: string[] = [];
  mkdirSync(dirname(outDir), { recursive: true });
  const write = (target: string) => writeFileSync(target, `${JSON.stringify(info)}\n`);
  for (let attempt = 0; attempt < 3; attempt++) {
    // Written in full under a private name, then linked into place: the lock file is never half-written.
    const mine = `${path}.${process.pid}`;
    write(mine);
    try {
      linkSync(mine, path);
      unlinkSync(mine);
      notes.push(...sweepOrphans(outDir), ...(runsDir ? sweepRuns(runsDir) : []));
      const lock: BuildLock = {
        path,
        record(change) {
          Object.assign(info, {
            folders: [...info.folders, ...(change.folders ?? [])],
            groups: [...info.groups, ...(change.groups ?? [])],
          });
          write(mine);
          renameSync(mine, path);
        },
        release() {
          rmSync(path, { force: true });
          rmSync(mine, { force: true });
        },
      };
      return { lock, notes };
    } catch (e) {
      unlinkSync(mine);
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    let held: LockInfo | undefined;
    try {
      held = JSON.parse(readFileSync(path, 'utf8')) as LockInfo;
    } catch {
      /* unreadable: from a build that died */
    }
    if (held && alive(held.pid)) return { heldBy: held, path };
    notes.push(...recover(held, outDir, path));
  }
  throw new Error(`could not take the build lock ${path}`);
}

/** Cleans up after a build that died holding the lock; returns what was done. */
function recover(held: LockInfo | undefined, outDir: string, path: string): string[] {
  const notes: string[] = [];
  for (const group of held?.groups ?? []) {
    if (!isGuardGroup(group)) continue;
    try {
      process.kill(-group, 'SIGKILL');
      notes.push(`ended process group ${group}, left running by build ${held!.pid}`);
    } catch {
      /* gone */
    }
  }
  for (const folder of held?.folders ?? []) {
    if (!existsSync(folder)) continue;
    notes.push(
      removeFolder(folder, 'the staging folder') ?? `removed ${folder}, left by build ${held!.pid} that did not finish`,
    );
  }
  // Killed between moving the old site aside and moving the new one in: put the old one back.
  const old = `${outDir}.old`;
  if (!existsSync(outDir) && existsSync(old)) {
    renameSync(old, outDir);
    notes.push(`restored ${outDir} from ${old}`);
  }
  rmSync(path, { force: true });
  return notes;
}

/** Per-run folders (`<out>.staging-<pid>-...`, `<out>.search-<pid>-...`) of builds no longer running. */
function sweepOrphans(outDir: string): string[] {
  const parent = dirname(outDir);
  const prefix = `${basename(outDir)}.`;
  const notes: string[] = [];
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return notes;
  }
  for (const name of names) {
    const m = name.startsWith(prefix) ? /^(?:staging|search)-(\d+)-[a-z0-9]+$/.exec(name.slice(prefix.length)) : null;
    if (!m || Number(m[1]) === process.pid || alive(Number(m[1]))) continue;
    const folder = join(parent, name);
    notes.push(
      removeFolder(folder, 'the staging folder') ?? `removed ${folder}, left by build ${m[1]} that did not finish`,
    );
  }
  return notes;
}

/** Run folders (`<runs>/<pid>-...`, see build-folders.ts) of builds no longer running, whatever their output folder. */
function sweepRuns(runsDir: string): string[] {
  const notes: string[] = [];
  let names: string[];
  try {
    names = readdirSync(runsDir);
  } catch {
    return notes;
  }
  for (const name of names) {
    const m = /^(\d+)-[a-z0-9]+$/.exec(name);
    if (!m || Number(m[1]) === process.pid || alive(Number(m[1]))) continue;
    const folder = join(runsDir, name);
    notes.push(
      removeFolder(folder, 'the run folder') ?? `removed ${folder}, left by build ${m[1]} that did not finish`,
    );
  }
  return notes;
}

/** The message for a refused build. */
export function lockedMessage(path: string, held: LockInfo): string {
  return (
    `Not building: another build (process ${held.pid}, started ${held.started}) is writing to the same output folder; ` +
    `wait for it to finish and run again (if no build is running, delete ${path})`
  );
}
