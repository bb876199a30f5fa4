// Which of systemd's ActiveState values mean a unit is running.

/** The ActiveState values of a unit whose process runs (or is coming up, or reloading). */
export const RUNNING_STATES: ReadonlySet<string> = new Set(['active', 'reloading', 'activating']);

/** True when this ActiveState (undefined: unknown) means the unit runs. */
export function isRunningState(state: string | undefined): boolean {
  return RUNNING_STATES.has(state ?? '');
}
