// The ownership module: trees that must belong to a user and group, all the way down.
import type { HostFacts } from '../facts/types.js';
import type { ResolvedOwnershipTask } from '../playbook/types.js';

/** The paths to `chown -R`: those with any entry not owned as wanted, or whose owner is only now created. */
export function planOwnership(
  task: ResolvedOwnershipTask,
  facts: HostFacts,
  createdUsers: ReadonlySet<string>,
): { path: string; owner: string; group: string }[] {
  return task.paths
    .filter((path) => {
      const fact = facts.ownership.get(path);
      if (!fact?.exists) return false;
      return createdUsers.has(task.owner) || fact.firstForeign !== null;
    })
    .map((path) => ({ path, owner: task.owner, group: task.group }));
}
