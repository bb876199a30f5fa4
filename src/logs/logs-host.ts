// Stream one host's journal lines, prefixed with the host name, until journalctl ends or the run is stopped.
import { StringDecoder } from 'node:string_decoder';
import { failureFields, runOnHost } from '../engine/run-on-host.js';
import type { Host } from '../inventory/types.js';
import type { ChannelOpener } from '../remote/open-session.js';
import type { ShellChannel } from '../transport/shell-channel.js';
import { LinePrefixer } from './journal.js';

/** How one host's journal stream ended. */
export interface LogsHostResult {
  host: string;
  error: string | null;
  error_code: string | null;
}

/** Where one host's stream goes, and how the caller stops it. */
export interface LogsStreamOptions {
  prefix: string;
  /** Keep the channel's stdin open (a follow stops when it closes). */
  follow: boolean;
  write: (text: string) => void;
  writeError: (text: string) => void;
  register: (stop: () => void) => void;
}

// Forward one output stream of the channel as prefixed whole lines, decoded as UTF-8 across chunk boundaries.
function lineForwarder(prefix: string, write: (text: string) => void) {
  const decoder = new StringDecoder('utf8');
  const lines = new LinePrefixer(prefix);
  return {
    push: (chunk: Buffer) => write(lines.push(decoder.write(chunk))),
    flush: () => write(lines.push(decoder.end()) + lines.flush()),
  };
}

// Stream the channel's output until it closes.
function streamUntilClosed(channel: ShellChannel, options: LogsStreamOptions): Promise<void> {
  const out = lineForwarder(options.prefix, options.write);
  const err = lineForwarder(options.prefix, options.writeError);
  return new Promise((resolve) => {
    channel.onStdout(out.push);
    channel.onStderr(err.push);
    channel.onClose(() => {
      out.flush();
      err.flush();
      resolve();
    });
    options.register(() => channel.close());
    if (!options.follow) channel.end();
  });
}

/** Run the journal command on a host; `write` gets prefixed whole lines; `register` lets the caller stop it. */
export async function streamHostLogs(
  host: Host,
  argv: readonly string[],
  openChannel: ChannelOpener,
  options: LogsStreamOptions,
): Promise<LogsHostResult> {
  const run = await runOnHost(
    host,
    (target) => openChannel(target, argv),
    (channel) => streamUntilClosed(channel, options),
  );
  return { host: host.name, ...failureFields(run.failure) };
}
