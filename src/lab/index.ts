// The lab's public API for tests, the demo and the CLI.

import { labDown } from './down.js';
import { isNspawnOf } from './processes.js';
import { type LabState, readRecordedState, toLabState } from './state.js';
import { labUp } from './up.js';

export { labDown } from './down.js';
export { labExec } from './exec-in-host.js';
export { resetLabHost, startLabHost, stopLabHost } from './host-control.js';
export type { LabState } from './state.js';
export { type LabStatus, labStatus } from './status.js';
export { labUp } from './up.js';

/** The running lab as recorded in the state directory, or undefined when there is none. */
export function readLabState(): LabState | undefined {
  const recorded = readRecordedState();
  return recorded ? toLabState(recorded) : undefined;
}

/** True when a lab with at least this many hosts is recorded and every one of its machines runs. */
export function labIsUp(hosts: number): boolean {
  const recorded = readRecordedState();
  return (
    !!recorded && recorded.hosts.length >= hosts && recorded.hosts.every((h) => isNspawnOf(h.pid, h.machine))
  );
}

/** Make sure a lab with at least this many hosts is up (booting only what is missing); resolves to its state. */
export async function ensureLab(hosts: number): Promise<LabState> {
  if (labIsUp(hosts)) return readLabState()!;
  const recorded = readRecordedState();
  // A lab whose machines were killed (not brought down) leaves mounts and state behind: clear them first.
  if (recorded && !recorded.hosts.every((host) => isNspawnOf(host.pid, host.machine))) await labDown();
  return (await labUp({ hosts })).state;
}
