// What a playbook is after loading, and what each of its tasks becomes for one host.

/** A task as written in a playbook, validated but not yet expanded for a host. */
export interface PlaybookTask {
  /** Human name, shown in plans and errors. */
  name: string;
  /** The module this task runs, e.g. `unit`. */
  module: TaskModuleName;
  /** Module parameters as written (strings may hold `{{ var }}` placeholders). */
  params: Record<string, unknown>;
  /** A `when` expression, or undefined (always). */
  when: string | undefined;
  /** A loop: the name of a list variable, or a literal list; `{{ item }}` in params. */
  loop: string | string[] | undefined;
  /** Units to restart when this task changes something, in addition to the module's own. */
  notify: string[];
  /** Where the task stands in the file, e.g. `tasks/3`, for messages. */
  path: string;
}

/** A loaded playbook. */
export interface Playbook {
  name: string;
  /** The playbook file, as given. */
  file: string;
  /** Directory that template paths are relative to. */
  dir: string;
  tasks: PlaybookTask[];
}

/** The task modules a playbook may use. */
export type TaskModuleName =
  | 'unit'
  | 'dropin'
  | 'file'
  | 'user'
  | 'ownership'
  | 'service'
  | 'health'
  | 'command';

/** A managed file with its full intended content (null content: the file must not exist). */
export interface ResolvedFileTask {
  module: 'unit' | 'dropin' | 'file';
  name: string;
  path: string;
  content: string | null;
  /** Unit this file belongs to (units and drop-ins), restarted when the file changes. */
  unit: string | undefined;
  notify: string[];
}

/** A system user that must exist. */
export interface ResolvedUserTask {
  module: 'user';
  name: string;
  user: string;
  shell: string;
}

/** Paths that must be owned (recursively) by a user and group. */
export interface ResolvedOwnershipTask {
  module: 'ownership';
  name: string;
  paths: string[];
  owner: string;
  group: string;
}

/** The wanted state of one unit. */
export interface ResolvedServiceTask {
  module: 'service';
  name: string;
  unit: string;
  state: 'started' | 'stopped' | undefined;
  enabled: boolean | undefined;
}

/** A health gate: the unit is active and, when a port is known, `GET http://localhost:PORT/PATH` is 200. */
export interface ResolvedHealthTask {
  module: 'health';
  name: string;
  unit: string;
  port: number | undefined;
  path: string;
  timeoutSec: number;
  /** Seconds the unit must hold still (same MainPID, no restart, still active) after it looked healthy. */
  settleSec: number;
}

/** An arbitrary command, run when `creates` is absent (or always when no `creates`). */
export interface ResolvedCommandTask {
  module: 'command';
  name: string;
  argv: string[];
  creates: string | undefined;
  notify: string[];
}

/** One task of a playbook expanded for one host: every placeholder filled, every loop unrolled. */
export type ResolvedTask =
  | ResolvedFileTask
  | ResolvedUserTask
  | ResolvedOwnershipTask
  | ResolvedServiceTask
  | ResolvedHealthTask
  | ResolvedCommandTask;
