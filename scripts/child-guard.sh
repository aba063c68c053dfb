# Runs one command for the build, as the leader of a process group of its own, and ends the whole
# group (the command and everything it started) when the build that started it is gone: its
# standard input is a pipe from the build, which the system closes when the build exits or is
# killed, even with `kill -9`. So an Astro build never goes on writing after the build has died.
#
#   sh scripts/child-guard.sh <command> [args...]   (started by scripts/lib/child-group.ts)
#
# A shell script, not Node: it is waiting all the while, and a Node process held 64 MB of the
# build's peak memory to wait (npm run bench, 2026-12-02); dash holds about 1 MB.

# Ends the group, this shell included (kill 0: the caller's process group).
trap 'kill -KILL 0' TERM INT HUP

# The pipe from the build, kept as fd 3: a command run in the background gets /dev/null for its
# standard input, so the watcher below is given the pipe explicitly.
exec 3<&0

"$@" </dev/null 3<&- &
child=$!

# The pipe from the build: `read` returns false at its end, when the build has exited or died.
# One process, reading with the shell's builtin, so that ending it leaves nothing behind.
(
  while read -r _; do :; done <&3
  kill -KILL 0
) &
watcher=$!

wait "$child"
status=$?
kill "$watcher" 2>/dev/null
exit "$status"
