// Run one read-only job per host with bounded concurrency; results come back in inventory order.
import pLimit from 'p-limit';
import { effectiveForks } from '../engine/run-fleet.js';
import type { Host } from '../inventory/types.js';

// Run `job` on every host, at most `forks` at a time (default: all, up to the engine's cap).
export async function runHosts<R>(
  hosts: readonly Host[],
  job: (host: Host) => Promise<R>,
  forks?: number,
): Promise<R[]> {
  const limit = pLimit(effectiveForks(hosts.length, forks));
  return Promise.all(hosts.map((host) => limit(() => job(host))));
}
