// The fleet summary of a status run and its exit code: 0 all healthy, 3 otherwise.
import { EXIT } from '../exit-codes.js';
import type { StatusHostResult } from './status-host.js';

/** Hosts by status. */
export interface StatusSummary {
  hosts: number;
  healthy: number;
  unhealthy: number;
  unreachable: number;
  error: number;
}

// Count hosts by status.
export function summarizeStatus(results: readonly StatusHostResult[]): StatusSummary {
  const summary: StatusSummary = {
    hosts: results.length,
    healthy: 0,
    unhealthy: 0,
    unreachable: 0,
    error: 0,
  };
  for (const result of results) summary[result.status]++;
  return summary;
}

// 0 when every unit of every host is healthy, else 3.
export function statusExitCode(summary: StatusSummary): number {
  return summary.healthy === summary.hosts ? EXIT.ok : EXIT.hostFailed;
}
