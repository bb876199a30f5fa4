// A host's root: an overlayfs of the shared read-only base (lower) and the host's own upper directory.
import { readFileSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import type { HostPaths } from './layout.js';
import { run, runChecked } from './run.js';

/** Mount points (from /proc/mounts text) at or below a directory, deepest first. */
export function mountsUnder(procMounts: string, dir: string): string[] {
  const points = procMounts
    .split('\n')
    .map((line) => line.split(' ')[1]?.replace(/\\040/g, ' '))
    .filter(
      (point): point is string => point !== undefined && (point === dir || point.startsWith(`${dir}/`)),
    );
  return [...new Set(points)].sort((a, b) => b.length - a.length);
}

/** True when something is mounted exactly there. */
export function isMounted(dir: string): boolean {
  return mountsUnder(readFileSync('/proc/mounts', 'utf8'), dir).includes(dir);
}

/** Mount the host's overlay root unless it is mounted already. */
export async function mountOverlay(base: string, paths: HostPaths): Promise<void> {
  if (isMounted(paths.root)) return;
  await mkdir(paths.upper, { recursive: true });
  await mkdir(paths.work, { recursive: true });
  await mkdir(paths.root, { recursive: true });
  const options = `lowerdir=${base},upperdir=${paths.upper},workdir=${paths.work}`;
  await runChecked(['mount', '-t', 'overlay', 'overlay', '-o', options, paths.root]);
}

/** Unmount everything at or below a directory (lazily when busy). */
export async function unmountAllUnder(dir: string): Promise<void> {
  for (const point of mountsUnder(readFileSync('/proc/mounts', 'utf8'), dir)) {
    if ((await run(['umount', point])).code !== 0) await run(['umount', '-l', point]);
  }
}

/** Throw away the host's changes: its upper and work directories (the overlay must be unmounted). */
export async function wipeUpper(paths: HostPaths): Promise<void> {
  await rm(paths.upper, { recursive: true, force: true });
  await rm(paths.work, { recursive: true, force: true });
}
