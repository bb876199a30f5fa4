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
  /** Where the path pointed when it is a symbolic link the write replaces with a regular file. */
  replacesSymlink?: string;
}

/** One change as reported in a host's `changes` (docs/json.md). */
export interface ReportedChange {
  task: string;
  path?: string;
  unit?: string;
  action: string;
  /** The target of the symbolic link this file replaced with a regular file (docs/json.md). */
  replaced_symlink?: string;
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
  /** Masked units left alone (nothing planned for them). */
  masked: string[];
  /** Masked units to unmask first (asked for with --unmask). */
  unmask: string[];
}

/** A plan with nothing to do. */
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
    masked: [],
    unmask: [],
  };
}

/** True when applying the plan would change the host (health checks alone change nothing). */
export function planChangesHost(plan: HostPlan): boolean {
  return (
    plan.unmask.length + plan.files.length + plan.users.length + plan.chown.length + plan.commands.length >
      0 ||
    plan.daemonReload ||
    plan.stop.length + plan.disable.length + plan.restart.length + plan.start.length + plan.enable.length > 0
  );
}
