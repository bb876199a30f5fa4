// Judge a unit from one facts reading (drift, status, apply's facts): no settle window, crash-loop rules apply.
import { unixSeconds } from '../facts/show-properties.js';
import { unitStateOf } from './active-state.js';
import type { ProbeOutcome } from './probe.js';
import { type HealthVerdict, judgeHealth } from './verdict.js';

/** Seconds the unit has been active at `now` (host clock), or undefined when not active or unknown. */
export function activeForSec(
  props: Readonly<Record<string, string>> | undefined,
  now: number | undefined,
): number | undefined {
  const since = unixSeconds(props?.['ActiveEnterTimestamp']);
  if (props?.['ActiveState'] !== 'active' || since === undefined || now === undefined) return undefined;
  return Math.max(0, now - since);
}

/** The verdict on a unit from its `systemctl show` properties and its endpoint probe, read once. */
export function judgeReading(
  unit: string,
  props: Readonly<Record<string, string>> | undefined,
  probe: ProbeOutcome | undefined,
  hasEndpoint: boolean,
  now: number | undefined,
): HealthVerdict {
  return judgeHealth({
    unit,
    state: unitStateOf(props),
    probe,
    hasEndpoint,
    activeForSec: activeForSec(props, now),
  });
}
