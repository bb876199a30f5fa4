// Finding and ending the lab's systemd-nspawn processes (only ours: checked by command line, never by a broad name).
import { readdirSync, readFileSync } from 'node:fs';
import { NAME_PREFIX } from './layout.js';

/** The argv of a process, or undefined when it is gone. */
export function processArgv(pid: number): string[] | undefined {
  try {
    const raw = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return raw.split('\0').filter((part) => part !== '');
  } catch {
    return undefined;
  }
}

/** The lab machine an nspawn argv runs (`-M NAME` / `--machine=NAME` with the lab prefix), or undefined. */
export function labMachineOfArgv(argv: readonly string[]): string | undefined {
  if (!argv[0]?.endsWith('systemd-nspawn')) return undefined;
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]!;
    const value =
      arg === '-M' || arg === '--machine'
        ? argv[i + 1]
        : arg.startsWith('--machine=')
          ? arg.slice(10)
          : undefined;
    if (value?.startsWith(`${NAME_PREFIX}-`)) return value;
  }
  return undefined;
}

/** True when this pid is the nspawn process of that machine. */
export function isNspawnOf(pid: number | undefined, machine: string): boolean {
  if (!pid) return false;
  const argv = processArgv(pid);
  return argv !== undefined && labMachineOfArgv(argv) === machine;
}

/** Every running lab nspawn process, by machine name. */
export function scanLabNspawns(): Map<string, number> {
  const found = new Map<string, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const argv = processArgv(Number(entry));
    const machine = argv && labMachineOfArgv(argv);
    if (machine) found.set(machine, Number(entry));
  }
  return found;
}

/** The container's PID 1 (as seen from the controller): the child of the nspawn process. */
export function containerLeader(nspawnPid: number): number | undefined {
  try {
    for (const task of readdirSync(`/proc/${nspawnPid}/task`)) {
      const children = readFileSync(`/proc/${nspawnPid}/task/${task}/children`, 'utf8').trim();
      const first = children.split(/\s+/).find((pid) => pid !== '');
      if (first) return Number(first);
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/** True while a process exists (zombies count as gone). */
export function processAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) Z /.test(stat);
  } catch {
    return false;
  }
}

/** Send a signal, ignoring a process that is already gone. */
export function signal(pid: number, sig: NodeJS.Signals | number): void {
  try {
    process.kill(pid, sig);
  } catch {
    // already gone
  }
}

/** Wait until none of these processes is alive, or the deadline passes; resolves to the ones still alive. */
export async function waitForExit(pids: readonly number[], timeoutMs: number): Promise<number[]> {
  const deadline = Date.now() + timeoutMs;
  let alive = pids.filter(processAlive);
  while (alive.length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    alive = alive.filter(processAlive);
  }
  return alive;
}
