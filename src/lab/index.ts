// The lab's public API for tests, the demo and the CLI.

import { labDown } from './down.js';
import { isNspawnOf } from './processes.js';
import { DEFAULT_RELEASE, type LabRelease, releaseOfHost } from './releases.js';
import { type LabState, type RecordedState, readRecordedState, toLabState } from './state.js';
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

// True when every recorded host runs the release the list gives it round-robin.
function runsReleases(recorded: RecordedState, releases: readonly LabRelease[]): boolean {
  return recorded.hosts.every((host) => host.release === releaseOfHost(releases, host.index));
}

/**
 * Make sure a lab with at least this many hosts of these releases (round-robin) is up, booting only what is
 * missing; a lab of other releases, or whose machines were killed, is brought down first. Resolves to its state.
 */
export async function ensureLab(
  hosts: number,
  releases: readonly LabRelease[] = [DEFAULT_RELEASE],
): Promise<LabState> {
  const recorded = readRecordedState();
  const sameReleases = !recorded || runsReleases(recorded, releases);
  if (labIsUp(hosts) && sameReleases) return readLabState()!;
  // A lab whose machines were killed (not brought down) leaves mounts and state behind: clear them first.
  if (recorded && (!sameReleases || !recorded.hosts.every((host) => isNspawnOf(host.pid, host.machine)))) {
    await labDown();
  }
  return (await labUp({ hosts, releases })).state;
}
