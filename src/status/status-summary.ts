// The fleet summary of a status run and its exit code: 0 all healthy, 3 otherwise.

import { EXIT } from '../exit-codes.js';
import { countBy } from '../util/count-by.js';
import type { StatusHostResult } from './status-host.js';

/** Hosts by status. */
export interface StatusSummary {
  hosts: number;
  healthy: number;
  unhealthy: number;
  unreachable: number;
  error: number;
}

/** Count hosts by status. */
export function summarizeStatus(results: readonly StatusHostResult[]): StatusSummary {
  const statuses = ['healthy', 'unhealthy', 'unreachable', 'error'] as const;
  return { hosts: results.length, ...countBy(results, (result) => result.status, statuses) };
}

/** 0 when every unit of every host is healthy, else 3. */
export function statusExitCode(summary: StatusSummary): number {
  return summary.healthy === summary.hosts ? EXIT.ok : EXIT.hostFailed;
}
