// The label of each step of the apply script: what its `K` (done) and `X` (failed) lines name.
import type { FileChange } from '../tasks/plan-types.js';

/** The unit actions of a plan, in the order the apply script runs them. */
export const UNIT_ACTIONS = ['stop', 'disable', 'restart', 'start', 'enable'] as const;

/** One of the unit actions. */
export type UnitAction = (typeof UNIT_ACTIONS)[number];

/** Labels of the apply script's steps. */
export const stepLabel = {
  /** Putting a changed file in place (rename of its temporary file, or removal). */
  file: (file: Pick<FileChange, 'path' | 'content'>) =>
    `${file.content === null ? 'remove' : 'rename'} ${file.path}`,
  user: (user: string) => `useradd ${user}`,
  chown: (path: string) => `chown ${path}`,
  command: (name: string) => `command ${name}`,
  daemonReload: () => 'daemon-reload',
  unmask: (units: readonly string[]) => `unmask ${units.join(' ')}`,
  /** One systemctl call for all the units of an action. */
  units: (action: UnitAction, units: readonly string[]) => `${action} ${units.join(' ')}`,
};
