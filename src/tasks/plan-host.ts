// Combine every task module's plan for one host into a HostPlan (pure: tasks + facts in, plan out).
import type { HostFacts } from '../facts/types.js';
import type { ResolvedServiceTask, ResolvedTask } from '../playbook/types.js';
import { commandNeeded } from './command.js';
import { planFile } from './file.js';
import { maskedUnits, tasksSparing } from './masked.js';
import { planOwnership } from './ownership.js';
import { emptyPlan, type HostPlan } from './plan-types.js';
import { owedRestarts } from './restart-debt.js';
import { planServices } from './service.js';
import { planUser } from './user.js';

/** How a plan treats what an operator decided on the host. */
export interface PlanOptions {
  /** Unmask masked units and manage them (default: leave them masked, plan nothing for them). */
  unmask?: boolean;
}

/** The plan that converges this host from its facts to its resolved tasks. */
export function planHost(
  allTasks: readonly ResolvedTask[],
  facts: HostFacts,
  options: PlanOptions = {},
): HostPlan {
  const plan = emptyPlan();
  const masked = maskedUnits(facts);
  if (options.unmask) plan.unmask = masked;
  else plan.masked = masked;
  const tasks = options.unmask ? allTasks : tasksSparing(allTasks, masked);
  const serviceTasks: ResolvedServiceTask[] = [];
  const changedUnits = new Set<string>();
  for (const task of tasks) {
    if (task.module === 'unit' || task.module === 'dropin' || task.module === 'file') {
      const change = planFile(task, facts);
      if (change) {
        plan.files.push(change);
        for (const unit of change.restarts) changedUnits.add(unit);
      }
    } else if (task.module === 'user') {
      const user = planUser(task, facts);
      if (user && !plan.users.some((u) => u.user === user.user)) plan.users.push(user);
    } else if (task.module === 'command') {
      if (commandNeeded(task, facts)) {
        plan.commands.push({ name: task.name, argv: task.argv });
        for (const unit of task.notify) changedUnits.add(unit);
      }
    } else if (task.module === 'service') serviceTasks.push(task);
    else if (task.module === 'health') plan.health.push(task);
  }
  const createdUsers = new Set(plan.users.map((u) => u.user));
  for (const task of tasks) {
    if (task.module === 'ownership') plan.chown.push(...planOwnership(task, facts, createdUsers));
  }
  const unitFilesChanged = plan.files.some((file) => file.task !== 'file');
  const reloadPending = [...facts.units.values()].some((props) => props['NeedDaemonReload'] === 'yes');
  plan.daemonReload = unitFilesChanged || reloadPending;
  const startedUnits = serviceTasks.filter((task) => task.state === 'started').map((task) => task.unit);
  plan.owedRestarts = owedRestarts(facts, startedUnits).filter((unit) => !changedUnits.has(unit));
  const actions = planServices(serviceTasks, facts, new Set([...changedUnits, ...plan.owedRestarts]));
  Object.assign(plan, actions);
  plan.owedRestarts = plan.owedRestarts.filter((unit) => plan.restart.includes(unit));
  return plan;
}
