// Run batches one after another, each gated on its hosts' health; halt past --max-fail, or on a stop signal.
import type { Host } from '../inventory/types.js';
import type { Batch } from './batches.js';
import type { EventSink } from './events.js';
import type { HostResult } from './host-result.js';
import { type FleetStop, runFleet } from './run-fleet.js';

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
  /** Hosts never started because the rollout halted or was interrupted. */
  untouched: string[];
  halted: boolean;
  interrupted: boolean;
  /** The results of the hosts that ran, each added as soon as the host finishes. */
  results: HostResult[];
}

/** How a rollout runs. */
export interface RolloutOptions {
  /** Host failures tolerated over the whole rollout; one more halts it. */
  maxFail: number;
  /** Aborted (SIGINT/SIGTERM): no host starts any more; the hosts running finish. */
  stop?: FleetStop | undefined;
  /** Hosts of a batch handled at once (`--forks`; default: the whole batch, up to 200). */
  forks?: number | undefined;
  emit: EventSink;
  /** Sees each host's result and seconds as it finishes. */
  onResult?: ((result: HostResult, seconds: number) => void) | undefined;
}

/** A rollout report with nothing done yet (the caller may hold it to read a rollout in progress). */
export function emptyRolloutReport(): RolloutReport {
  return {
    batches: [],
    restarted: [],
    failed: [],
    untouched: [],
    halted: false,
    interrupted: false,
    results: [],
  };
}

/** Roll through the batches: a batch's hosts in parallel (up to `forks`), the next batch only when this one passed. */
export async function runRollout(
  batches: readonly Batch[],
  job: (host: Host) => Promise<HostResult>,
  options: RolloutOptions,
  report: RolloutReport = emptyRolloutReport(),
): Promise<RolloutReport> {
  const stopped = () => options.stop?.signal.aborted === true;
  for (const [index, batch] of batches.entries()) {
    if (report.halted || stopped()) {
      report.untouched.push(...batches.slice(index).flatMap((b) => b.hosts.map((host) => host.name)));
      break;
    }
    const run = await runFleet(batch.hosts, job, {
      forks: options.forks,
      stop: options.stop,
      onResult: (result, seconds) => {
        report.results.push(result);
        options.emit({ type: 'host-done', result });
        options.onResult?.(result, seconds);
      },
    });
    const { results } = run;
    report.untouched.push(...run.untouched);
    const bad = results.filter((result) => result.status === 'failed' || result.status === 'unreachable');
    report.restarted.push(...results.filter((r) => r.status !== 'unreachable').map((r) => r.host));
    report.failed.push(...bad.map((result) => result.host));
    const entry: BatchReport = {
      customers: batch.customers,
      hosts: batch.hosts.map((host) => host.name),
      status: bad.length > 0 ? 'failed' : run.untouched.length > 0 ? 'interrupted' : 'healthy',
    };
    if (bad.length > 0) entry.error = bad.map((result) => result.error).join('; ');
    report.batches.push(entry);
    if (report.failed.length > options.maxFail) report.halted = true;
  }
  report.interrupted = stopped();
  // Results in batch order, as the hosts were planned, whatever order they finished in.
  const order = new Map(batches.flatMap((batch) => batch.hosts).map((host, i) => [host.name, i] as const));
  report.results.sort((a, b) => (order.get(a.host) ?? 0) - (order.get(b.host) ?? 0));
  return report;
}
