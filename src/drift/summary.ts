// The fleet summary of a drift run and the exit code it stands for (CONTRACT.md).
import { EXIT } from '../exit-codes.js';
import type { DriftHostResult, DriftSummary } from './types.js';

// Count hosts by status.
export function summarizeDrift(results: readonly DriftHostResult[]): DriftSummary {
  const summary: DriftSummary = { hosts: results.length, clean: 0, drifted: 0, unreachable: 0, error: 0 };
  for (const result of results) summary[result.status]++;
  return summary;
}

// 3 when a host was unreachable or failed (it wins), 2 when a reachable host drifted, else 0.
export function driftExitCode(summary: DriftSummary): number {
  if (summary.unreachable + summary.error > 0) return EXIT.hostFailed;
  if (summary.drifted > 0) return EXIT.drift;
  return EXIT.ok;
}
