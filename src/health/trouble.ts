// What one reading of a unit can tell about a crash loop or a failure (drift, status, apply's facts).
import { describeState, type UnitState } from './active-state.js';

/** A unit that systemd restarted by itself counts as crash-looping until it has been active this long. */
export const CRASH_LOOP_WINDOW_SEC = 60;

/** A crash loop or a failed unit, as drift and status name it. */
export interface UnitTrouble {
  kind: 'crash-loop' | 'failed';
  /** One line, e.g. `activating/auto-restart: systemd restarted it 3 times`. */
  detail: string;
}

function restartsText(restarts: number): string {
  return `systemd restarted it ${restarts} time${restarts === 1 ? '' : 's'}`;
}

/**
 * A crash loop (`activating/auto-restart`, starting again after systemd restarted it by itself, or active for
 * less than CRASH_LOOP_WINDOW_SEC after that) or a failure (`failed`, with its Result); undefined otherwise. `activeForSec` is
 * how long the unit has been active (undefined when unknown).
 */
export function unitTrouble(state: UnitState, activeForSec: number | undefined): UnitTrouble | undefined {
  if (state.active === 'failed') return { kind: 'failed', detail: describeState(state) };
  // Waiting to restart, or starting again after systemd restarted it by itself.
  if (state.active === 'activating' && (state.sub === 'auto-restart' || state.restarts > 0))
    return { kind: 'crash-loop', detail: `${describeState(state)}: ${restartsText(state.restarts)}` };
  const recent = activeForSec !== undefined && activeForSec < CRASH_LOOP_WINDOW_SEC;
  if (state.active === 'active' && state.restarts > 0 && recent)
    return {
      kind: 'crash-loop',
      detail: `${restartsText(state.restarts)}, last up ${activeForSec} s ago (under ${CRASH_LOOP_WINDOW_SEC} s)`,
    };
  return undefined;
}
