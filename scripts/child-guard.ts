/**
 * Runs one command for the build, as the leader of a process group of its own, and ends the whole
 * group (the command and everything it started) when the build that started it is gone: its
 * standard input is a pipe from the build, which the system closes when the build exits or is
 * killed, even with `kill -9`. So an Astro build never goes on writing after the build has died.
 *
 *   node scripts/child-guard.ts <command> [args...]   (started by scripts/lib/child-group.ts)
 */
import { spawn } from 'node:child_process';

const [command, ...args] = process.argv.slice(2);
const endGroup = () => {
  try {
    process.kill(-process.pid, 'SIGKILL');
  } catch {
    process.exit(1);
  }
};
// The pipe from the build closes when the build exits or dies.
process.stdin.on('end', endGroup).on('close', endGroup).on('error', endGroup).resume();
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(signal, endGroup);

const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
child.on('error', (e) => {
  console.error(`could not start ${command}: ${e.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 + 9 : 1)));
