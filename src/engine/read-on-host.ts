// A read-only command's run on one host (drift, status): one round trip, what it recovered, how it failed.
import type { HostFacts } from '../facts/types.js';
import type { Host } from '../inventory/types.js';
import type { ResolvedTask } from '../playbook/types.js';
import { describeRecovery } from '../remote/commit-script.js';
import type { SessionOpener } from '../remote/open-session.js';
import type { ShellSession } from '../remote/shell-session.js';
import { failureFields, runOnHost } from './run-on-host.js';

/** A read-only command's work on one host, as the fleet runner calls it; never throws for a host-level failure. */
export type HostReadJob<R> = (host: Host, read: HostReadRequest) => Promise<R>;

/** What a read-only job on one host is given besides the host. */
export interface HostReadRequest {
  tasks: readonly ResolvedTask[];
  openSession: SessionOpener;
  /** The round trip's deadline (`--step-timeout`). */
  timeoutMs: number;
  /** Seconds to wait for another run's host lock (`--lock-wait`), added to the round trip's deadline. */
  lockWaitSec: number;
}

/** What a read on a host gave: its value (undefined when the host failed), and how the host fared. */
export interface HostReading<T> {
  value: T | undefined;
  /** Why the host has no value: `unreachable` (a connection failure) or `error`; undefined when read. */
  failed: 'unreachable' | 'error' | undefined;
  /** The report's `error` and `error_code` (both null when read). */
  failure: { error: string | null; error_code: string | null };
  /** What the read did first about an earlier run cut short on the host (finished or rolled back), else null. */
  recovered: string | null;
  roundTrips: number;
}

/** Open a session on `host` and run `read` over it: the facts it read (for what was recovered) and its value. */
export async function readOnHost<T>(
  host: Host,
  openSession: SessionOpener,
  read: (session: ShellSession) => Promise<{ facts: HostFacts; value: T }>,
): Promise<HostReading<T>> {
  let value: T | undefined;
  let recovered: string | null = null;
  const run = await runOnHost(host, openSession, async (session) => {
    const result = await read(session);
    recovered = result.facts.recovery ? describeRecovery(result.facts.recovery) : null;
    value = result.value;
  });
  return {
    value,
    failed: run.failure && (run.failure.unreachable ? 'unreachable' : 'error'),
    failure: failureFields(run.failure),
    recovered,
    roundTrips: run.handle?.stats.roundTrips ?? 0,
  };
}
