// The command module: run an argument array when its `creates` path is absent (or always without one).
import type { HostFacts } from '../facts/types.js';
import type { ResolvedCommandTask } from '../playbook/types.js';

/** True when the command must run on this host. */
export function commandNeeded(task: ResolvedCommandTask, facts: HostFacts): boolean {
  return task.creates === undefined || facts.exists.get(task.creates) !== true;
}
