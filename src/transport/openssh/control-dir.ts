// The private 0700 directory holding this process's ssh master sockets: made on first use, shared by every
// OpenSSH connection, and removed (after asking each master still in it to exit) when the last connection
// using it ends, however it ends (closed, or its master failed to start), when the process exits, and on a
// signal that would kill the process (SIGINT, SIGTERM, SIGHUP with no other listener).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
// A Unix socket path holds at most 107 bytes; ssh names a master's socket `DIR/%C` (40 hex digits) and
// creates it as `DIR/%C.` plus 16 random characters first.
const SOCKET_PATH_MAX = 107;
const SOCKET_NAME_LENGTH = '/hfleet-ssh-XXXXXX'.length + 1 + 40 + 1 + 16;

// Where to make the directory: the temp dir, unless its path leaves no room for a socket name (then /tmp).
function baseDir(): string {
  const base = tmpdir();
  return base.length + SOCKET_NAME_LENGTH <= SOCKET_PATH_MAX ? base : '/tmp';
}

let current: { path: string; users: number } | undefined;

// Ask every master whose socket is in `dir` to exit (in parallel, a few seconds at most), then remove `dir`.
function removeDir(dir: string): void {
  spawnSync(
    '/bin/sh',
    [
      '-c',
      'for s in "$1"/*; do [ -S "$s" ] && ssh -o ControlPath="$s" -O exit hfleet >/dev/null 2>&1 & done; wait',
      'sh',
      dir,
    ],
    { stdio: 'ignore', timeout: 5000 },
  );
  rmSync(dir, { recursive: true, force: true });
}

// On a signal nobody else handles: clean up, then die of the same signal as the default action would.
function onSignal(signal: NodeJS.Signals): void {
  if (process.listenerCount(signal) > 1) return; // another handler decides; 'exit' still cleans up
  removeControlDir();
  process.kill(process.pid, signal);
}

function hook(): void {
  process.on('exit', removeControlDir);
  for (const signal of SIGNALS) process.on(signal, onSignal);
}

function unhook(): void {
  process.removeListener('exit', removeControlDir);
  for (const signal of SIGNALS) process.removeListener(signal, onSignal);
}

/** The control directory, made (0700) and hooked to the process's exit on first use; one more user. */
export function acquireControlDir(): string {
  if (!current) {
    current = { path: mkdtempSync(join(baseDir(), 'hfleet-ssh-')), users: 0 };
    hook();
  }
  current.users += 1;
  return current.path;
}

/** One user fewer; the last one out removes the directory (a later acquire makes a fresh one). */
export function releaseControlDir(dir: string): void {
  if (current?.path !== dir) return;
  current.users -= 1;
  if (current.users <= 0) removeControlDir();
}

/** Remove the directory now, whoever still uses it (the masters in it are asked to exit first). */
export function removeControlDir(): void {
  const dir = current?.path;
  current = undefined;
  unhook();
  if (dir) removeDir(dir);
}

/** The directory in use, if any (for tests and `hfleet hosts`-style reports). */
export function controlDirInUse(): string | undefined {
  return current?.path;
}
