// The fleet summary of a drift run and the exit code it stands for (README "Exit codes").

import { EXIT } from '../exit-codes.js';
import { countBy } from '../util/count-by.js';
import type { DriftHostResult, DriftSummary } from './types.js';

/** Count hosts by status. */
export function summarizeDrift(results: readonly DriftHostResult[]): DriftSummary {
  const statuses = ['clean', 'drifted', 'unreachable', 'error'] as const;
  return { hosts: results.length, ...countBy(results, (result) => result.status, statuses) };
}

/** 3 when a host was unreachable or failed (it wins), 2 when a reachable host drifted, else 0. */
export function driftExitCode(summary: DriftSummary): number {
  if (summary.unreachable + summary.error > 0) return EXIT.hostFailed;
  if (summary.drifted > 0) return EXIT.drift;
  return EXIT.ok;
}
