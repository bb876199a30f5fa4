// `lab down`: stop everything the lab started and remove every trace; safe twice and after a half-failed `up`.
import { existsSync, readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { labCgroupParents, removeCgroupTree } from './cgroups.js';
import { removeBridge } from './host-network.js';
import { restoreInotifyLimit } from './inotify-limit.js';
import { NAME_PREFIX, stateDir, stateFiles } from './layout.js';
import { removeHostTraces, stopNspawns } from './nspawn.js';
import { unmountAllUnder } from './overlay.js';
import { assertLabPlatform } from './prerequisites.js';
import { scanLabNspawns } from './processes.js';
import { progress } from './run.js';
import { readRecordedState } from './state.js';

/** What `lab down` found and stopped. */
export interface LabDownResult {
  stopped: string[];
  seconds: number;
}

// Every machine name the lab may have left: recorded, running, with host directories, or with cgroups.
function knownMachines(dir: string, running: Map<string, number>): Map<string, number | undefined> {
  const machines = new Map<string, number | undefined>();
  for (const host of readRecordedState(dir)?.hosts ?? []) machines.set(host.machine, host.pid);
  for (const [machine, pid] of running) machines.set(machine, pid);
  const hostsDir = path.join(dir, 'hosts');
  const cgroupChildren = labCgroupParents().flatMap((parent) => readdirSync(parent, { withFileTypes: true }));
  const names = [
    ...(existsSync(hostsDir) ? readdirSync(hostsDir) : []),
    ...cgroupChildren.filter((entry) => entry.isDirectory()).map((entry) => entry.name),
  ];
  for (const name of names)
    if (name.startsWith(`${NAME_PREFIX}-`) && !machines.has(name)) machines.set(name, undefined);
  return machines;
}

/** Stop and remove the whole lab (the client key is kept so the next `up` reuses it). */
export async function labDown(): Promise<LabDownResult> {
  assertLabPlatform();
  const started = Date.now();
  const dir = stateDir();
  const files = stateFiles(dir);
  const running = scanLabNspawns();
  const machines = knownMachines(dir, running);
  if (running.size > 0) progress(`stopping ${running.size} host(s)`);
  await stopNspawns(machines);
  await unmountAllUnder(path.join(dir, 'hosts'));
  for (const machine of machines.keys()) await removeHostTraces(machine);
  await removeLeftoverPropagateDirs();
  for (const parent of labCgroupParents()) removeCgroupTree(parent);
  await rm(path.join(dir, 'hosts'), { recursive: true, force: true });
  await removeBridge();
  await restoreInotifyLimit(files.sysctlBackup);
  for (const file of [files.stateJson, files.inventory, files.knownHosts]) await rm(file, { force: true });
  const seconds = (Date.now() - started) / 1000;
  progress(`lab down in ${seconds.toFixed(1)} s`);
  return { stopped: [...running.keys()].sort(), seconds };
}

async function removeLeftoverPropagateDirs(): Promise<void> {
  const propagate = '/run/systemd/nspawn/propagate';
  if (!existsSync(propagate)) return;
  for (const name of readdirSync(propagate)) {
    if (name.startsWith(`${NAME_PREFIX}-`))
      await rm(path.join(propagate, name), { recursive: true, force: true });
  }
}
