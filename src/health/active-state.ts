// Active in the way a unit's type means: the state table every health verdict and the on-host wait share.

/** The slice of `systemctl show` a health verdict reads (missing values are empty strings). */
export interface UnitState {
  /** `Type` of a service (`simple`, `oneshot`...); empty for other unit kinds. */
  type: string;
  active: string;
  sub: string;
  /** `Result` (`success`, `exit-code`, `signal`, `start-limit-hit`...). */
  result: string;
  mainPid: number;
  /** `NRestarts`: automatic restarts since the unit was last started on purpose. */
  restarts: number;
}

/**
 * The states that count as running, as `KIND:TYPE:ACTIVE:SUB:RESULT` shell patterns: a simple, exec,
 * notify, forking, dbus or idle service `running`; a oneshot with RemainAfterExit `exited` with success;
 * a timer `waiting` or `running`; a socket `listening`; a path `waiting`; a target `active`.
 */
export const HEALTHY_STATE_PATTERNS: readonly string[] = [
  'service:oneshot:active:exited:success',
  'service:*:active:running:*',
  'timer:*:active:waiting:*',
  'timer:*:active:running:*',
  'socket:*:active:listening:*',
  'path:*:active:waiting:*',
  'target:*:active:active:*',
];

/** The kind of a unit from its name: `service` for `hub-cloud.service`. */
export function unitKind(unit: string): string {
  return unit.slice(unit.lastIndexOf('.') + 1);
}

// A shell glob pattern (only `*` is used) matched against a value.
function globMatches(pattern: string, value: string): boolean {
  const regex = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^:]*');
  return new RegExp(`^${regex}$`).test(value);
}

/** The `KIND:TYPE:ACTIVE:SUB:RESULT` key a state is matched by (the on-host wait builds the same one). */
export function stateKey(unit: string, state: UnitState): string {
  return [unitKind(unit), state.type, state.active, state.sub, state.result].join(':');
}

/** True when the unit is active in the way its type means (see HEALTHY_STATE_PATTERNS). */
export function activeAsTypeMeans(unit: string, state: UnitState): boolean {
  const key = stateKey(unit, state);
  return HEALTHY_STATE_PATTERNS.some((pattern) => globMatches(pattern, key));
}

/** `active/running`, `activating/auto-restart`, `failed/failed (Result=exit-code)`: a state for one line. */
export function describeState(state: UnitState): string {
  const base = state.sub ? `${state.active}/${state.sub}` : state.active || 'unknown';
  return state.active === 'failed' && state.result ? `${base} (Result=${state.result})` : base;
}

function count(value: string | undefined): number {
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : 0;
}

/** A UnitState from `systemctl show` properties by name. */
export function unitStateOf(props: Readonly<Record<string, string>> | undefined): UnitState {
  return {
    type: props?.['Type'] ?? '',
    active: props?.['ActiveState'] ?? '',
    sub: props?.['SubState'] ?? '',
    result: props?.['Result'] ?? '',
    mainPid: count(props?.['MainPID']),
    restarts: count(props?.['NRestarts']),
  };
}
