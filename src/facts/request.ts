// Derive what to gather from a host from its resolved tasks: one request, one round trip.

import type { ResolvedTask } from '../playbook/types.js';
import { dropinDirPath } from '../systemd/managed-paths.js';
import type { FactRequest } from './types.js';

function unique(values: Iterable<string>): string[] {
  return [...new Set(values)];
}

/** The facts every task of this host needs (files, drop-in listings, users, ownership, units, health). */
export function factRequestFor(tasks: readonly ResolvedTask[]): FactRequest {
  const files: string[] = [];
  const units: string[] = [];
  const users: string[] = [];
  const ownership: FactRequest['ownership'] = [];
  const health: FactRequest['health'] = [];
  const exists: string[] = [];
  for (const task of tasks) {
    switch (task.module) {
      case 'unit':
      case 'dropin':
      case 'file':
        files.push(task.path);
        if (task.unit) units.push(task.unit);
        units.push(...task.notify);
        break;
      case 'user':
        users.push(task.user);
        break;
      case 'ownership':
        users.push(task.owner);
        for (const path of task.paths) ownership.push({ path, owner: task.owner, group: task.group });
        break;
      case 'service':
      case 'health':
        units.push(task.unit);
        if (task.module === 'health' && task.port !== undefined)
          health.push({ unit: task.unit, port: task.port, path: task.path });
        break;
      case 'command':
        if (task.creates) exists.push(task.creates);
        units.push(...task.notify);
        break;
    }
  }
  const managedUnits = unique(units);
  return {
    files: unique(files),
    dropinDirs: managedUnits.filter((unit) => unit.endsWith('.service')).map(dropinDirPath),
    users: unique(users),
    ownership,
    units: managedUnits,
    health,
    exists: unique(exists),
  };
}
