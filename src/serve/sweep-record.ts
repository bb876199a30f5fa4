// What a sweep leaves in the history: the fleet's counts by state and the hosts whose state changed.
import { countBy } from '../util/count-by.js';
import type { HostState, HostView } from './types.js';

/** Hosts by state after a sweep. */
export type SweepSummary = Record<HostState, number> & { hosts: number };

/** Count hosts by state. */
export function sweepSummary(hosts: readonly HostView[]): SweepSummary {
  const states = ['healthy', 'drifted', 'unhealthy', 'unreachable', 'error', 'pending'] as const;
  return { hosts: hosts.length, ...countBy(hosts, (host) => host.state, states) };
}

// What identifies a host's state for the history (memory and uptime move every sweep and are left out).
function stateKey(view: HostView): string {
  const units = view.units.map((unit) => `${unit.unit}=${unit.state}/${unit.active}/${unit.health}`);
  const findings = view.findings.map(
    (finding) => `${finding.kind}:${finding.unit ?? ''}:${finding.path ?? ''}`,
  );
  return [view.state, view.error_code ?? '', ...units, ...findings].join('|');
}

/** The hosts whose state differs from the previous sweep's (all of them on the first sweep). */
export function changedHosts(
  previous: ReadonlyMap<string, HostView>,
  current: readonly HostView[],
): HostView[] {
  return current.filter((view) => {
    const before = previous.get(view.host);
    return before === undefined || stateKey(before) !== stateKey(view);
  });
}
