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

/** How a run stops early: once `signal` is aborted no host starts; `running` names the hosts in flight. */
export interface FleetStop {
  signal: AbortSignal;
  /** Hosts started and not yet finished, kept up to date by the run. */
  running: Set<string>;
}

/** What a fleet run did: the results of the hosts it started (inventory order), and the hosts it never started. */
export interface FleetRun<R> {
  results: R[];
  untouched: string[];
}

/** How `runFleet` runs: `forks` at a time, `onResult` sees each result (and the host's seconds) as it comes. */
export interface FleetOptions<R> {
  forks: number | undefined;
  onResult?: (result: R, seconds: number) => void;
  stop?: FleetStop | undefined;
}

/** Run `job` on every host, at most `forks` at a time; once `stop` is aborted, hosts not yet started are left. */
export async function runFleet<R>(
  hosts: readonly Host[],
  job: (host: Host) => Promise<R>,
  options: FleetOptions<R>,
): Promise<FleetRun<R>> {
  const limit = pLimit(effectiveForks(hosts.length, options.forks));
  const { stop } = options;
  const outcomes = await Promise.all(
    hosts.map((host) =>
      limit(async () => {
        if (stop?.signal.aborted) return { ran: false as const, host: host.name };
        stop?.running.add(host.name);
        const started = performance.now();
        try {
          const result = await job(host);
          options.onResult?.(result, (performance.now() - started) / 1000);
          return { ran: true as const, result };
        } finally {
          stop?.running.delete(host.name);
        }
      }),
    ),
  );
  const run: FleetRun<R> = { results: [], untouched: [] };
  for (const outcome of outcomes) {
    if (outcome.ran) run.results.push(outcome.result);
    else run.untouched.push(outcome.host);
  }
  return run;
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
