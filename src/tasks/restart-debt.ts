// Restarts owed by an earlier run: a running unit whose files changed after its process started.

import { monotonicToUnix } from '../facts/show-properties.js';
import type { HostFacts } from '../facts/types.js';
import { isRunningState } from '../systemd/active-states.js';
import { dropinDirPath, unitFilePath } from '../systemd/managed-paths.js';

/** When the unit's current process (or, for a timer, its activation) started; undefined when not running. */
export function runningSince(facts: HostFacts, unit: string): number | undefined {
  const props = facts.units.get(unit);
  if (!props || !isRunningState(props['ActiveState'])) return undefined;
  return (
    monotonicToUnix(props['ExecMainStartTimestampMonotonic'], facts.bootedAt) ??
    monotonicToUnix(props['ActiveEnterTimestampMonotonic'], facts.bootedAt)
  );
}

/** The newest modification time among the unit's file and its drop-ins, as gathered. */
export function filesChangedAt(facts: HostFacts, unit: string): number | undefined {
  const times = [
    facts.files.get(unitFilePath(unit))?.mtime,
    ...(facts.dropins.get(dropinDirPath(unit)) ?? []).map((entry) => entry.mtime),
  ].filter((time): time is number => typeof time === 'number' && time > 0);
  return times.length > 0 ? Math.max(...times) : undefined;
}

/** The units among these that run a process older than their files: a restart is owed. */
export function owedRestarts(facts: HostFacts, units: readonly string[]): string[] {
  return units.filter((unit) => {
    const since = runningSince(facts, unit);
    const changed = filesChangedAt(facts, unit);
    return since !== undefined && changed !== undefined && changed > since;
  });
}
