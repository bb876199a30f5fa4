// The `--json` document of drift (docs/json.md): hosts with findings, summary, run statistics.
import type { DriftHostResult, DriftSummary } from '../drift/types.js';
import { runStats } from './run-stats.js';

/** The drift document; findings carry `fix` (what apply would do) and, for files, `diff`. */
export function driftJson(results: readonly DriftHostResult[], summary: DriftSummary, seconds: number) {
  const { seconds: rounded, round_trips_max } = runStats(results, seconds);
  return { hosts: results, summary, stats: { seconds: rounded, round_trips_max } };
}
