// Starting and stopping one lab host's systemd-nspawn (each in a cgroup of its own in every hierarchy).
import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { shellCommand } from '../util/shell-quote.js';
import { cgroupPids, createHostCgroups, hostCgroupDirs, removeCgroupTree } from './cgroups.js';
import { BRIDGE } from './layout.js';
import { isNspawnOf, signal, waitForExit } from './processes.js';

/** The PID-1 wrapper inside the base image: remounts the v1 controllers read-write, then execs systemd. */
export const LAB_INIT = '/usr/local/sbin/hflab-init';

/** The systemd-nspawn command line booting a root as a machine on the lab bridge. */
export function nspawnArgs(root: string, machine: string): string[] {
  return [
    'systemd-nspawn',
    '-D',
    root,
    '-M',
    machine,
    '--register=no',
    '--keep-unit',
    '--link-journal=no',
    '--resolv-conf=off',
    '--timezone=off',
    `--network-bridge=${BRIDGE}`,
    '--console=read-only',
    '--kill-signal=SIGRTMIN+3',
    LAB_INIT,
  ];
}

/** The shell line that moves itself into the host's cgroups and then becomes nspawn. */
export function joinAndExecScript(procsFiles: readonly string[], argv: readonly string[]): string {
  const joins = procsFiles.map((file) => `echo $$ > ${shellCommand([file])}`).join(' && ');
  return `${joins} && exec ${shellCommand(argv)}`;
}

/** Boot a host in the background (it outlives this process); resolves to the nspawn pid. */
export async function startNspawn(root: string, machine: string, consoleLog: string): Promise<number> {
  const procsFiles = await createHostCgroups(machine);
  const log = openSync(consoleLog, 'a');
  try {
    const child = spawn('/bin/sh', ['-c', joinAndExecScript(procsFiles, nspawnArgs(root, machine))], {
      detached: true,
      stdio: ['ignore', log, log],
      env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', LANG: 'C.UTF-8' },
    });
    child.unref();
    if (!child.pid) throw new Error(`could not start systemd-nspawn for ${machine}`);
    return child.pid;
  } finally {
    closeSync(log);
  }
}

/** Power machines off (SIGTERM to nspawn, which sends SIGRTMIN+3 to the host's systemd), kill what is left after the deadline. */
export async function stopNspawns(
  machines: ReadonlyMap<string, number | undefined>,
  timeoutMs = 20_000,
): Promise<void> {
  const pids: number[] = [];
  for (const [machine, pid] of machines) {
    if (pid && isNspawnOf(pid, machine)) {
      signal(pid, 'SIGTERM');
      pids.push(pid);
    }
  }
  const stuck = await waitForExit(pids, timeoutMs);
  for (const pid of stuck) signal(pid, 'SIGKILL');
  for (const machine of machines.keys()) {
    const leftovers = [...new Set(hostCgroupDirs(machine).flatMap((dir) => cgroupPids(dir)))];
    for (const pid of leftovers) signal(pid, 'SIGKILL');
    await waitForExit(leftovers, 5_000);
  }
  await waitForExit(stuck, 5_000);
}

/** Remove what nspawn and the host left in the controller: its cgroups and its propagate directory. */
export async function removeHostTraces(machine: string): Promise<void> {
  for (const dir of hostCgroupDirs(machine)) removeCgroupTree(dir);
  await rm(`/run/systemd/nspawn/propagate/${machine}`, { recursive: true, force: true });
}
