// Run batches one after another, each gated on its hosts' health; halt past --max-fail, or on Ctrl-C.
import type { Host } from '../inventory/types.js';
import type { Batch } from './batches.js';
import type { EventSink } from './events.js';
import type { HostResult } from './host-result.js';
import { runFleet } from './run-fleet.js';

/** One batch's outcome, as the restart document reports it (docs/restart.md). */
export interface BatchReport {
  customers: string[];
  hosts: string[];
  status: 'healthy' | 'failed' | 'interrupted';
  error?: string;
}

/** The outcome of a rollout. */
export interface RolloutReport {
  batches: BatchReport[];
  /** Hosts the rollout acted on (healthy or not). */
  restarted: string[];
  failed: string[];
  /** Hosts never touched because the rollout halted or was interrupted. */
  untouched: string[];
  halted: boolean;
  interrupted: boolean;
  results: HostResult[];
}

/** How a rollout runs. */
export interface RolloutOptions {
  /** Host failures tolerated over the whole rollout; one more halts it. */
  maxFail: number;
  /** Aborted (Ctrl-C): stop after the batch in progress. */
  signal?: AbortSignal;
  /** Hosts of a batch handled at once (`--forks`; default: the whole batch, up to 200). */
  forks?: number | undefined;
  emit: EventSink;
}

/** Roll through the batches: a batch's hosts in parallel (up to `forks`), the next batch only when this one passed. */
export async function runRollout(
  batches: readonly Batch[],
  job: (host: Host) => Promise<HostResult>,
  options: RolloutOptions,
): Promise<RolloutReport> {
  const report: RolloutReport = {
    batches: [],
    restarted: [],
    failed: [],
    untouched: [],
    halted: false,
    interrupted: false,
    results: [],
  };
  for (const [index, batch] of batches.entries()) {
    if (report.halted || options.signal?.aborted) {
      report.interrupted ||= options.signal?.aborted === true && !report.halted;
      report.untouched.push(...batches.slice(index).flatMap((b) => b.hosts.map((host) => host.name)));
      break;
    }
    const results = await runFleet(batch.hosts, job, {
      forks: options.forks,
      onResult: (result) => options.emit({ type: 'host-done', result }),
    });
    report.results.push(...results);
    const bad = results.filter((result) => result.status === 'failed' || result.status === 'unreachable');
    report.restarted.push(...results.filter((r) => r.status !== 'unreachable').map((r) => r.host));
    report.failed.push(...bad.map((result) => result.host));
    const entry: BatchReport = {
      customers: batch.customers,
      hosts: batch.hosts.map((host) => host.name),
      status: bad.length > 0 ? 'failed' : 'healthy',
    };
    if (bad.length > 0) entry.error = bad.map((result) => result.error).join('; ');
    report.batches.push(entry);
    if (report.failed.length > options.maxFail) report.halted = true;
  }
  return report;
}
