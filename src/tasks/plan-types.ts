// The plan of one host: every change hfleet will make, computed from tasks and facts without I/O.
import type { ResolvedHealthTask } from '../playbook/types.js';

/** A managed file that must be written or removed. */
export interface FileChange {
  task: 'unit' | 'dropin' | 'file';
  path: string;
  action: 'created' | 'updated' | 'removed';
  /** The content to write; null when the file is removed. */
  content: string | null;
  /** The content on the host now (for --diff and rollback); undefined when absent. */
  before: string | undefined;
  /** Units restarted because of this change. */
  restarts: string[];
}

/** One change as reported (CONTRACT.md `changes` entries). */
export interface ReportedChange {
  task: string;
  path?: string;
  unit?: string;
  action: string;
}

/** Everything one host needs, in the order it is applied. */
export interface HostPlan {
  files: FileChange[];
  users: { user: string; shell: string }[];
  chown: { path: string; owner: string; group: string }[];
  commands: { name: string; argv: string[] }[];
  daemonReload: boolean;
  stop: string[];
  disable: string[];
  /** Units restarted because their files changed, or because an earlier run owed the restart. */
  restart: string[];
  /** The subset of `restart` owed by an earlier run (files newer than the running process). */
  owedRestarts: string[];
  start: string[];
  enable: string[];
  health: ResolvedHealthTask[];
}

// A plan with nothing to do.
export function emptyPlan(): HostPlan {
  return {
    files: [],
    users: [],
    chown: [],
    commands: [],
    daemonReload: false,
    stop: [],
    disable: [],
    restart: [],
    owedRestarts: [],
    start: [],
    enable: [],
    health: [],
  };
}

// True when applying the plan would change the host (health checks alone change nothing).
export function planChangesHost(plan: HostPlan): boolean {
  return (
    plan.files.length + plan.users.length + plan.chown.length + plan.commands.length > 0 ||
    plan.daemonReload ||
    plan.stop.length + plan.disable.length + plan.restart.length + plan.start.length + plan.enable.length > 0
  );
}

// The plan's changes to files, users, ownership and commands, as CONTRACT.md's `changes` reports them.
export function reportedChanges(plan: HostPlan): ReportedChange[] {
  return [
    ...plan.files.map((file) => ({ task: file.task, path: file.path, action: file.action })),
    ...plan.users.map((user) => ({ task: 'user', action: `created ${user.user}` })),
    ...plan.chown.map((own) => ({
      task: 'ownership',
      path: own.path,
      action: `chown -R ${own.owner}:${own.group}`,
    })),
    ...plan.commands.map((command) => ({ task: 'command', action: `ran ${command.name}` })),
  ];
}

// The plan's unit state changes other than restarts (`restarted` is reported on its own).
export function reportedServiceActions(plan: HostPlan): { unit: string; action: string }[] {
  const each = (units: string[], action: string) => units.map((unit) => ({ unit, action }));
  return [
    ...each(plan.stop, 'stopped'),
    ...each(plan.disable, 'disabled'),
    ...each(plan.start, 'started'),
    ...each(plan.enable, 'enabled'),
  ];
}
