// The `--json` document of a rollout (CONTRACT.md's restart document), plus per-host results.
import type { RolloutReport } from '../engine/rollout.js';

// batches, restarted, untouched, halted (contract) + failed, interrupted and hosts (additions).
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
