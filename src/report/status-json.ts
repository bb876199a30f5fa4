// The `--json` document of status: per host its units (state, health, PID, memory, restarts, uptime).
import type { StatusHostResult } from '../status/status-host.js';
import type { StatusSummary } from '../status/status-summary.js';

/** The status document. */
export function statusJson(results: readonly StatusHostResult[], summary: StatusSummary, seconds: number) {
  return { hosts: results, summary, stats: { seconds: Math.round(seconds * 1000) / 1000 } };
}
