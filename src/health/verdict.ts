// The one definition of healthy, used by apply, restart, rolling apply, status, drift and serve.
import { activeAsTypeMeans, describeState, type UnitState } from './active-state.js';
import { describeProbe, type ProbeOutcome, probeHealthy } from './probe.js';
import { unsettledReason } from './settle.js';
import { type UnitTrouble, unitTrouble } from './trouble.js';

/** What is known about one unit when judging it. */
export interface HealthEvidence {
  unit: string;
  state: UnitState;
  /** The endpoint's probe; undefined when the unit has no endpoint. */
  probe: ProbeOutcome | undefined;
  /** True when the unit has an endpoint (a missing probe then counts as no answer). */
  hasEndpoint: boolean;
  /** The state after the settle window; undefined when no window was paid (one reading only). */
  settled?: UnitState | undefined;
  /** Seconds the unit has been active, for crash-loop detection from one reading. */
  activeForSec?: number | undefined;
}

/** A health verdict: healthy or not, and why not in one line. */
export interface HealthVerdict {
  healthy: boolean;
  /** Empty when healthy, e.g. `activating/auto-restart`, `/api/health: connection refused`. */
  reason: string;
  trouble: UnitTrouble | undefined;
}

/**
 * Healthy: the unit is active in the way its type means (a simple/exec/notify service `running`, a timer
 * `waiting` or `running`, a oneshot with RemainAfterExit `exited` with success), its endpoint (if any)
 * answers 200, and it held still over the settle window after that (same MainPID, NRestarts unchanged,
 * still active) — or, read once, systemd has not restarted it by itself within the crash-loop window.
 */
export function judgeHealth(evidence: HealthEvidence): HealthVerdict {
  const { unit, state, settled } = evidence;
  // With a settle window, the window tells a crash loop; read once, how recently systemd restarted it does.
  const trouble = unitTrouble(state, settled ? undefined : evidence.activeForSec);
  const troubleText = trouble && `${trouble.kind}: ${trouble.detail}`;
  const unhealthy = (reason: string): HealthVerdict => ({ healthy: false, reason, trouble });
  if (!activeAsTypeMeans(unit, state)) return unhealthy(troubleText ?? describeState(state));
  if (evidence.hasEndpoint && !probeHealthy(evidence.probe)) return unhealthy(describeProbe(evidence.probe));
  const unsettled = settled && unsettledReason(unit, state, settled);
  if (unsettled) return unhealthy(unsettled);
  if (troubleText) return unhealthy(troubleText);
  return { healthy: true, reason: '', trouble: undefined };
}
