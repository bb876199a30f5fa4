// The service module: units started or stopped, enabled or disabled, restarted when their files changed.

import type { HostFacts } from '../facts/types.js';
import type { ResolvedServiceTask } from '../playbook/types.js';
import { isRunningState } from '../systemd/active-states.js';

const ENABLED = new Set(['enabled', 'enabled-runtime', 'linked', 'linked-runtime', 'alias']);

/** What the service tasks of one host ask systemd to do. */
export interface ServiceActions {
  stop: string[];
  disable: string[];
  restart: string[];
  start: string[];
  enable: string[];
}

/** Plan unit states: `wantRestart` are units whose files changed (or that owe a restart). */
export function planServices(
  tasks: readonly ResolvedServiceTask[],
  facts: HostFacts,
  wantRestart: ReadonlySet<string>,
): ServiceActions {
  const wanted = new Map<string, ResolvedServiceTask>();
  for (const task of tasks) wanted.set(task.unit, { ...wanted.get(task.unit), ...dropUndefined(task) });
  const actions: ServiceActions = { stop: [], disable: [], restart: [], start: [], enable: [] };
  for (const [unit, task] of wanted) {
    const props = facts.units.get(unit);
    const loaded = props !== undefined && props['LoadState'] !== 'not-found';
    const running = isRunningState(props?.['ActiveState']);
    if (task.state === 'started') {
      if (wantRestart.has(unit)) actions.restart.push(unit);
      else if (!running) actions.start.push(unit);
    }
    if (task.state === 'stopped' && running) actions.stop.push(unit);
    if (task.enabled === true && !ENABLED.has(props?.['UnitFileState'] ?? '')) actions.enable.push(unit);
    if (task.enabled === false && loaded && ENABLED.has(props?.['UnitFileState'] ?? ''))
      actions.disable.push(unit);
  }
  for (const unit of wantRestart) {
    if (!wanted.has(unit) && isRunningState(facts.units.get(unit)?.['ActiveState']))
      actions.restart.push(unit);
  }
  return actions;
}

function dropUndefined(task: ResolvedServiceTask): ResolvedServiceTask {
  return Object.fromEntries(
    Object.entries(task).filter(([, value]) => value !== undefined),
  ) as ResolvedServiceTask;
}
