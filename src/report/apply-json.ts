// The `--json` document of apply (CONTRACT.md), plus run statistics.
import type { HostResult } from '../engine/host-result.js';
import type { ApplySummary } from '../engine/run-fleet.js';

// The apply document: hosts, summary, and per-run statistics (round trips and bytes per host).
export function applyJson(results: readonly HostResult[], summary: ApplySummary, seconds: number) {
  const trips = results.map((r) => r.stats.round_trips);
  return {
    hosts: results,
    summary,
    stats: {
      seconds: Math.round(seconds * 1000) / 1000,
      hosts: results.length,
      round_trips_max: trips.length ? Math.max(...trips) : 0,
      round_trips_total: trips.reduce((a, b) => a + b, 0),
      bytes_sent_total: results.reduce((a, r) => a + r.stats.bytes_sent, 0),
      peak_rss_bytes: process.resourceUsage().maxRSS * 1024,
    },
  };
}
