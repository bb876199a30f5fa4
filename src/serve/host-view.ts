// Build a host's view from one round trip's facts (pure), and the overall state of a host.
import { hostFindings } from '../drift/host-findings.js';
import type { HostFacts } from '../facts/types.js';
import type { Host } from '../inventory/types.js';
import type { ResolvedTask } from '../playbook/types.js';
import { unitStatuses } from '../status/status-rows.js';
import type { HostState, HostView, UnitView } from './types.js';
import { unitHealth } from './unit-health.js';

/** A host nobody has read yet. */
export function pendingView(host: Host): HostView {
  return {
    host: host.name,
    customer: host.customer,
    display_name: host.displayName,
    groups: host.groups,
    state: 'pending',
    units: [],
    findings: [],
    error: null,
    error_code: null,
    checked_at: null,
  };
}

// Unhealthy before drifted before healthy: a stopped service matters more than a stray drop-in.
function hostState(units: readonly UnitView[], findingCount: number): HostState {
  if (units.some((unit) => unit.state !== 'healthy')) return 'unhealthy';
  return findingCount > 0 ? 'drifted' : 'healthy';
}

/** The view of a host from its facts; `previous` (the last view) tells a crash loop by restarts that grew. */
export function hostViewFromFacts(
  host: Host,
  tasks: readonly ResolvedTask[],
  facts: HostFacts,
  dropinTexts: Map<string, string>,
  previous: HostView | undefined,
  checkedAt: string,
): HostView {
  const before = new Map(previous?.units.map((unit) => [unit.unit, unit.restarts]));
  const units = unitStatuses(tasks, facts).map((status) => ({
    ...status,
    ...unitHealth({ status, previousRestarts: before.get(status.unit) }),
  }));
  const findings = hostFindings(tasks, facts, { knownDropins: host.vars.known_dropins, dropinTexts });
  return {
    ...pendingView(host),
    state: hostState(units, findings.length),
    units,
    findings,
    checked_at: checkedAt,
  };
}

/** The view of a host that could not be read: the last units stay visible, the state says why they are old. */
export function failedView(
  host: Host,
  previous: HostView | undefined,
  state: 'unreachable' | 'error',
  error: { message: string; code: string },
): HostView {
  return {
    ...(previous ?? pendingView(host)),
    state,
    error: error.message,
    error_code: error.code,
  };
}
