// Masked units are an operator's decision: hfleet plans nothing for them unless told to unmask.
import type { HostFacts } from '../facts/types.js';
import type { ResolvedTask } from '../playbook/types.js';

/** True when systemd reports the unit masked (`LoadState=masked`, or a `masked`/`masked-runtime` unit file state). */
export function isMasked(props: Readonly<Record<string, string>> | undefined): boolean {
  return props?.['LoadState'] === 'masked' || props?.['UnitFileState']?.startsWith('masked') === true;
}

/** The units systemd reports masked (see isMasked). */
export function maskedUnits(facts: HostFacts): string[] {
  return [...facts.units].filter(([, props]) => isMasked(props)).map(([unit]) => unit);
}

function taskUnit(task: ResolvedTask): string | undefined {
  if (task.module === 'unit' || task.module === 'dropin' || task.module === 'file') return task.unit;
  if (task.module === 'service' || task.module === 'health') return task.unit;
  return undefined;
}

/** The tasks without any that concerns one of these units (their files, states and health); notify lists pruned. */
export function tasksSparing(tasks: readonly ResolvedTask[], units: readonly string[]): ResolvedTask[] {
  if (units.length === 0) return [...tasks];
  const spared = new Set(units);
  return tasks
    .filter((task) => !spared.has(taskUnit(task) ?? ''))
    .map((task) =>
      'notify' in task ? { ...task, notify: task.notify.filter((unit) => !spared.has(unit)) } : task,
    );
}
