// The restart command: restart each unit, then wait on the host for every health check, in one round trip.
import { shellCommand } from '../util/shell-quote.js';
import { type HealthWait, healthScript } from './health-script.js';
import { linesTagged, printTagged, TAG } from './protocol.js';

/** Restart `units` one by one (stopping at the first that fails, with a `restartFailed` line), then wait. */
export function restartScript(units: readonly string[], waits: readonly HealthWait[]): string {
  const restarts = units.map(
    (unit) =>
      `${shellCommand(['systemctl', 'restart', unit])} || { ${printTagged(TAG.restartFailed, shellCommand([unit]))}; return 0; }`,
  );
  return `${restarts.join('\n')}\n${healthScript(waits)}`;
}

/** The unit whose restart failed, if the restart script printed one. */
export function failedRestart(stdout: string): string | undefined {
  return linesTagged(stdout, TAG.restartFailed)[0]?.[0];
}
