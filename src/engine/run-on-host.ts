// The one way a command runs on a host: open its session, do the work, end the session however the work ends.
import { asHfleetError, type HfleetError } from '../errors.js';
import type { Host } from '../inventory/types.js';
import { isConnectionCode } from './connection-codes.js';

/** What a command holds open on a host for its run: the remote shell, or a streaming channel. */
export interface HostHandle {
  /** Let the remote side finish and go (for the shell: it exits and releases the host lock). */
  end(): void;
}

/** How a host's run failed: `unreachable` when opening it failed for a connection reason. */
export interface HostFailure {
  unreachable: boolean;
  error: HfleetError;
}

/** The outcome of a host's run: the handle it opened (for its counters), and its failure if any. */
export interface HostRun<H extends HostHandle> {
  handle: H | undefined;
  failure: HostFailure | undefined;
}

/**
 * Open a handle on `host`, run `work` with it, and end the handle however `work` ends. A host-level failure
 * comes back in the result (as an HfleetError with a code), never as a throw: one bad host never sinks a batch.
 */
export async function runOnHost<H extends HostHandle>(
  host: Host,
  open: (host: Host) => Promise<H>,
  work: (handle: H) => Promise<void>,
): Promise<HostRun<H>> {
  let handle: H | undefined;
  try {
    handle = await open(host);
    await work(handle);
    return { handle, failure: undefined };
  } catch (thrown) {
    const error = asHfleetError(thrown);
    const unreachable = handle === undefined && isConnectionCode(error.code);
    return { handle, failure: { unreachable, error } };
  } finally {
    handle?.end();
  }
}

/** The one-line `error` and `error_code` fields of a host's report entry (both null without failure). */
export function failureFields(failure: HostFailure | undefined): {
  error: string | null;
  error_code: string | null;
} {
  if (!failure) return { error: null, error_code: null };
  const message = failure.error.message;
  return { error: message.split('\n')[0] ?? message, error_code: failure.error.code };
}
