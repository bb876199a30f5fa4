// One lab host at a time, for fault tests: stop it, start it again, or reset it to the base state.

import { readFile } from 'node:fs/promises';
import { HfleetError } from '../errors.js';
import { startHosts, waitForHostsSsh } from './boot-hosts.js';
import { hostPaths, stateDir, stateFiles } from './layout.js';
import { removeHostTraces, stopNspawns } from './nspawn.js';
import { unmountAllUnder, wipeUpper } from './overlay.js';
import { isNspawnOf } from './processes.js';
import {
  findRecordedHost,
  type RecordedHost,
  type RecordedState,
  readRecordedState,
  writeRecordedState,
} from './state.js';

function requireHost(name: string): { recorded: RecordedState; host: RecordedHost } {
  const recorded = readRecordedState();
  const host = recorded && findRecordedHost(recorded, name);
  if (!recorded || !host) {
    throw new HfleetError('LAB', `no lab host named ${name}`, { hint: 'see hfleet lab status' });
  }
  return { recorded, host };
}

/** Power a host off (its changes stay in its upper directory). */
export async function stopLabHost(name: string): Promise<void> {
  const { host } = requireHost(name);
  const dir = stateDir();
  await stopNspawns(new Map([[host.machine, host.pid]]));
  await unmountAllUnder(hostPaths(dir, host.machine).root);
  await removeHostTraces(host.machine);
}

/** Boot a stopped host again with its changes, and wait until it accepts SSH (a running host is left alone). */
export async function startLabHost(name: string): Promise<void> {
  const { recorded, host } = requireHost(name);
  if (isNspawnOf(host.pid, host.machine)) return;
  const dir = stateDir();
  const clientKey = (await readFile(`${stateFiles(dir).key}.pub`, 'utf8')).trim();
  const [started] = await startHosts([host], clientKey, dir);
  const hosts = recorded.hosts.map((entry) => (entry.machine === host.machine ? started! : entry));
  await writeRecordedState({ ...recorded, hosts }, dir);
  await waitForHostsSsh([started!], dir);
}

/** Stop a host, throw its changes away (back to the base image, same host key), boot it and wait for SSH. */
export async function resetLabHost(name: string): Promise<void> {
  const { host } = requireHost(name);
  await stopLabHost(host.machine);
  await wipeUpper(hostPaths(stateDir(), host.machine));
  await startLabHost(host.machine);
}
