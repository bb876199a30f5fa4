// Run one job per host with bounded concurrency; results come back in inventory order.

import pLimit from 'p-limit';
import type { Host } from '../inventory/types.js';
import { countBy } from '../util/count-by.js';
import type { HostResult } from './host-result.js';

/** The default cap on hosts handled at once (`--forks`): every host, up to this many. */
export const DEFAULT_FORKS_CAP = 200;

/** The number of hosts to handle at once for a fleet of this size. */
export function effectiveForks(hostCount: number, forks: number | undefined): number {
  return Math.max(1, forks ?? Math.min(hostCount, DEFAULT_FORKS_CAP));
}

/** Run `job` on every host, at most `forks` at a time; `onResult` sees each result as it comes. */
export async function runFleet<R>(
  hosts: readonly Host[],
  job: (host: Host) => Promise<R>,
  options: { forks: number | undefined; onResult?: (result: R) => void },
): Promise<R[]> {
  const limit = pLimit(effectiveForks(hosts.length, options.forks));
  return Promise.all(
    hosts.map((host) =>
      limit(async () => {
        const result = await job(host);
        options.onResult?.(result);
        return result;
      }),
    ),
  );
}

/** The apply document's `summary`: hosts by status (docs/json.md). */
export interface ApplySummary {
  ok: number;
  changed: number;
  failed: number;
  unreachable: number;
}

/** Count results by status. */
export function summarize(results: readonly HostResult[]): ApplySummary {
  return countBy(results, (result) => result.status, ['ok', 'changed', 'failed', 'unreachable']);
}
