// The user module: a system user (with its own group) that must exist.
import type { HostFacts } from '../facts/types.js';
import type { ResolvedUserTask } from '../playbook/types.js';

/** The user to create, or null when it exists. */
export function planUser(task: ResolvedUserTask, facts: HostFacts): { user: string; shell: string } | null {
  return facts.users.get(task.user) === true ? null : { user: task.user, shell: task.shell };
}
