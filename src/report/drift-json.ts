// The `--json` document of drift (CONTRACT.md): hosts with findings, summary, run statistics.
import type { DriftHostResult, DriftSummary } from '../drift/types.js';

// The drift document; findings carry `fix` (what apply would do) and, for files, `diff`.
export function driftJson(results: readonly DriftHostResult[], summary: DriftSummary, seconds: number) {
  const trips = results.map((r) => r.stats.round_trips);
  return {
    hosts: results,
    summary,
    stats: {
      seconds: Math.round(seconds * 1000) / 1000,
      round_trips_max: trips.length ? Math.max(...trips) : 0,
    },
  };
}
