// The `--json` document of a rollout (docs/json.md): batches, what was restarted or left, per-host results.
import type { RolloutReport } from '../engine/rollout.js';

/** A rollout a second signal ended at once: the hosts selected, and those still running then. */
export interface CutShort {
  selected: readonly string[];
  unfinished: readonly string[];
}

/** The rollout document of `restart --json`, and the `rollout` of a rolling `apply --json`. */
export function rolloutJson(report: RolloutReport, cutShort?: CutShort) {
  const results = report.results;
  const bad = results.filter((r) => r.status === 'failed' || r.status === 'unreachable').map((r) => r.host);
  const seen = new Set([...results.map((r) => r.host), ...(cutShort?.unfinished ?? [])]);
  return {
    batches: report.batches,
    restarted: cutShort
      ? results.filter((r) => r.status !== 'unreachable').map((r) => r.host)
      : report.restarted,
    untouched: cutShort ? cutShort.selected.filter((host) => !seen.has(host)) : report.untouched,
    halted: report.halted,
    failed: cutShort ? bad : report.failed,
    interrupted: cutShort !== undefined || report.interrupted,
    unfinished: [...(cutShort?.unfinished ?? [])],
    hosts: results,
  };
}
