// The `--json` document of apply (docs/json.md): hosts, summary, run statistics.
import type { HostResult } from '../engine/host-result.js';
import type { ApplySummary } from '../engine/run-fleet.js';
import { runStats } from './run-stats.js';

/** The apply document: hosts, summary, and per-run statistics (round trips and bytes per host). */
export function applyJson(results: readonly HostResult[], summary: ApplySummary, seconds: number) {
  const { seconds: rounded, round_trips_max, round_trips_total } = runStats(results, seconds);
  return {
    hosts: results,
    summary,
    stats: {
      seconds: rounded,
      hosts: results.length,
      round_trips_max,
      round_trips_total,
      bytes_sent_total: results.reduce((a, r) => a + r.stats.bytes_sent, 0),
      peak_rss_bytes: process.resourceUsage().maxRSS * 1024,
    },
  };
}
