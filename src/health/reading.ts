// Judge a unit from one facts reading (drift, status, apply's facts): no settle window, crash-loop rules apply.
import { monotonicToUnix } from '../facts/show-properties.js';
import type { HostClock } from '../facts/types.js';
import { unitStateOf } from './active-state.js';
import type { ProbeOutcome } from './probe.js';
import { type HealthVerdict, judgeHealth } from './verdict.js';

/** Whole seconds the unit has been active when the host's clock was read, or undefined when not active or unknown. */
export function activeForSec(
  props: Readonly<Record<string, string>> | undefined,
  clock: HostClock,
): number | undefined {
  const since = monotonicToUnix(props?.['ActiveEnterTimestampMonotonic'], clock.bootedAt);
  if (props?.['ActiveState'] !== 'active' || since === undefined || clock.now === undefined) return undefined;
  return Math.max(0, Math.floor(clock.now - since));
}

/** The verdict on a unit from its `systemctl show` properties and its endpoint probe, read once. */
export function judgeReading(
  unit: string,
  props: Readonly<Record<string, string>> | undefined,
  probe: ProbeOutcome | undefined,
  hasEndpoint: boolean,
  clock: HostClock,
): HealthVerdict {
  return judgeHealth({
    unit,
    state: unitStateOf(props),
    probe,
    hasEndpoint,
    activeForSec: activeForSec(props, clock),
  });
}
