// Findings only the running system can tell: reload and restart owed, units off, disabled, unhealthy.

import type { HostFacts } from '../facts/types.js';
import { activeForSec, describeProbe, probeHealthy, unitStateOf, unitTrouble } from '../health/index.js';
import type { ResolvedHealthTask, ResolvedServiceTask } from '../playbook/types.js';
import { isRunningState } from '../systemd/active-states.js';
import { filesChangedAt, owedRestarts, runningSince } from '../tasks/restart-debt.js';
import type { Finding } from './types.js';

const ENABLED = new Set(['enabled', 'enabled-runtime', 'linked', 'linked-runtime', 'alias']);

function isoTime(seconds: number | undefined): string {
  return seconds === undefined ? 'unknown' : new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
}

/** `reload-pending` for every unit systemd says has changed on disk since it was loaded. */
export function reloadPendingFindings(facts: HostFacts, units: readonly string[]): Finding[] {
  return units
    .filter((unit) => facts.units.get(unit)?.['NeedDaemonReload'] === 'yes')
    .map((unit) => ({
      kind: 'reload-pending',
      unit,
      expected: 'no',
      actual: 'yes',
      detail: `${unit}: files changed on disk since systemd loaded them (NeedDaemonReload=yes)`,
      fix: 'systemctl daemon-reload',
    }));
}

/** `restart-pending` for each running unit whose process started before its unit or a drop-in last changed. */
export function restartPendingFindings(facts: HostFacts, startedUnits: readonly string[]): Finding[] {
  return owedRestarts(facts, startedUnits).map((unit) => {
    const since = runningSince(facts, unit);
    const changed = filesChangedAt(facts, unit);
    return {
      kind: 'restart-pending',
      unit,
      expected: `started after ${isoTime(changed)}`,
      actual: `started ${isoTime(since)}`,
      detail: `${unit}: the running process started ${isoTime(since)}, before its files changed at ${isoTime(changed)}`,
      fix: `restart ${unit}`,
    };
  });
}

/** Merge the service tasks of each unit (later tasks fill in what earlier ones left open). */
export function wantedStates(tasks: readonly ResolvedServiceTask[]): Map<string, ResolvedServiceTask> {
  const wanted = new Map<string, ResolvedServiceTask>();
  for (const task of tasks) {
    const before = wanted.get(task.unit);
    wanted.set(task.unit, {
      ...task,
      state: task.state ?? before?.state,
      enabled: task.enabled ?? before?.enabled,
    });
  }
  return wanted;
}

/** `inactive` for units that should run and do not; `disabled` for enablement (or a running unit) that is wrong. */
export function serviceStateFindings(facts: HostFacts, tasks: readonly ResolvedServiceTask[]): Finding[] {
  const findings: Finding[] = [];
  for (const [unit, task] of wantedStates(tasks)) {
    const props = facts.units.get(unit);
    const active = props?.['ActiveState'] ?? 'unknown';
    const fileState = props?.['UnitFileState'] || (props?.['LoadState'] ?? 'unknown');
    const running = isRunningState(active);
    const enabled = ENABLED.has(props?.['UnitFileState'] ?? '');
    const trouble = unitTrouble(unitStateOf(props), activeForSec(props, facts));
    if (task.state === 'started' && trouble) {
      findings.push({
        kind: trouble.kind,
        unit,
        expected: 'active, holding still',
        actual: `${active}/${props?.['SubState'] ?? ''}`,
        detail: `${unit}: ${trouble.detail}`,
        fix: trouble.kind === 'failed' ? `start ${unit}` : null,
      });
    } else if (task.state === 'started' && !running) {
      findings.push({
        kind: 'inactive',
        unit,
        expected: 'active',
        actual: active,
        detail: `${unit} is ${active}`,
        fix: `start ${unit}`,
      });
    }
    if (task.enabled === true && !enabled) {
      findings.push({
        kind: 'disabled',
        unit,
        expected: 'enabled',
        actual: fileState,
        detail: `${unit} is ${fileState}, should be enabled`,
        fix: `enable ${unit}`,
      });
    }
    const offButOn = (task.state === 'stopped' && running) || (task.enabled === false && enabled);
    if (offButOn) {
      findings.push({
        kind: 'disabled',
        unit,
        expected: 'inactive, disabled',
        actual: `${active}, ${fileState}`,
        detail: `${unit} should be off but is ${active} and ${fileState}`,
        fix: `stop and disable ${unit}`,
      });
    }
  }
  return findings;
}

/** `unhealthy` for each health endpoint that did not answer 200 when probed on the host, naming why. */
export function unhealthyFindings(facts: HostFacts, checks: readonly ResolvedHealthTask[]): Finding[] {
  return checks.flatMap((check): Finding[] => {
    if (check.port === undefined) return [];
    const probe = facts.health.get(check.unit);
    if (probeHealthy(probe)) return [];
    return [
      {
        kind: 'unhealthy',
        unit: check.unit,
        expected: 'HTTP 200',
        actual: describeProbe(probe),
        detail: `${check.unit}: GET http://localhost:${check.port}${check.path}: ${describeProbe(probe)}`,
        fix: null,
      },
    ];
  });
}
