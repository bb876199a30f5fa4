// The `--json` document of a rollout (docs/json.md): batches, what was restarted or left, per-host results.
import type { RolloutReport } from '../engine/rollout.js';

/** The rollout document of `restart --json`, and the `rollout` of a rolling `apply --json`. */
export function rolloutJson(report: RolloutReport) {
  return {
    batches: report.batches,
    restarted: report.restarted,
    untouched: report.untouched,
    halted: report.halted,
    failed: report.failed,
    interrupted: report.interrupted,
    hosts: report.results,
  };
}
