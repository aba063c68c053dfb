/**
 * The build's child processes (the content stage, Astro), each in a process group of its own under
 * scripts/child-guard.sh: ended with the build however it ends. On a normal exit or a signal this
 * process ends them itself; after `kill -9` the guard notices that its pipe from the build has closed.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const GUARD = fileURLToPath(new URL('../child-guard.sh', import.meta.url));

/** Process groups started by this process and not yet exited. */
const groups = new Set<number>();

/**
 * Ends every group still running, or those of `only` (one build's, when a process runs several);
 * synchronous: safe in an 'exit' handler.
 */
export function endChildGroups(only?: Iterable<number>): void {
  for (const group of only ?? groups) {
    if (!groups.has(group)) continue;
    try {
      process.kill(-group, 'SIGKILL');
    } catch {
      /* already gone */
    }
    groups.delete(group);
  }
}

let hooked = false;

/**
 * Starts `command` in a process group of its own, under the guard. `stdio` is for the command's
 * output (its input is never used); `onGroup` is told the group's id (to record it in the build lock).
 */
export function spawnGroup(
  command: string,
  args: string[],
  options: { stdio: 'inherit' | 'pipe'; env?: NodeJS.ProcessEnv; cwd?: string; onGroup?: (group: number) => void },
): ChildProcess {
  // Not `process.on('exit', endChildGroups)`: the handler is given the exit code, which is no list of groups.
  if (!hooked) {
    process.on('exit', () => endChildGroups());
    hooked = true;
  }
  const child = spawn('/bin/sh', [GUARD, command, ...args], {
    detached: true, // a process group of its own, led by the guard
    stdio: ['pipe', options.stdio, options.stdio],
    env: options.env,
    cwd: options.cwd,
  });
  if (child.pid !== undefined) {
    const group = child.pid;
    groups.add(group);
    options.onGroup?.(group);
    child.on('exit', () => groups.delete(group));
  }
  return child;
}
