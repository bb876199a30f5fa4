// Stream one host's journal lines, prefixed with the host name, until journalctl ends or the run is stopped.

import { errorCodeOf } from '../engine/connection-codes.js';
import { errorMessage } from '../errors.js';
import type { Host } from '../inventory/types.js';
import type { ShellChannel } from '../transport/shell-channel.js';
import { LinePrefixer } from './journal.js';

/** Opens a channel running argv on a host. */
export type ChannelOpener = (host: Host, argv: readonly string[]) => Promise<ShellChannel>;

/** How one host's journal stream ended. */
export interface LogsHostResult {
  host: string;
  error: string | null;
  error_code: string | null;
}

// Run the journal command on a host; `write` gets prefixed whole lines; `register` lets the caller stop it.
export async function streamHostLogs(
  host: Host,
  argv: readonly string[],
  open: ChannelOpener,
  options: {
    prefix: string;
    /** Keep the channel's stdin open (a follow stops when it closes). */
    follow: boolean;
    write: (text: string) => void;
    writeError: (text: string) => void;
    register: (stop: () => void) => void;
  },
): Promise<LogsHostResult> {
  let channel: ShellChannel;
  try {
    channel = await open(host, argv);
  } catch (error) {
    return { host: host.name, error: errorMessage(error), error_code: errorCodeOf(error) };
  }
  const out = new LinePrefixer(options.prefix);
  const err = new LinePrefixer(options.prefix);
  return new Promise((resolve) => {
    channel.onStdout((chunk) => options.write(out.push(chunk.toString('utf8'))));
    channel.onStderr((chunk) => options.writeError(err.push(chunk.toString('utf8'))));
    channel.onClose(() => {
      options.write(out.flush());
      options.writeError(err.flush());
      resolve({ host: host.name, error: null, error_code: null });
    });
    options.register(() => channel.close());
    if (!options.follow) channel.end();
  });
}
