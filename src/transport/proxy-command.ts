// A ProxyCommand as the connection: `/bin/sh -c 'exec COMMAND'`, its stdin/stdout the SSH byte stream, its
// stderr passed on line by line, its early exit an unreachable host with its last stderr line.
import { spawn } from 'node:child_process';
import { Duplex } from 'node:stream';
import { HfleetError } from '../errors.js';

/** A running ProxyCommand: the stream to hand ssh2, why it ended (waiting briefly for its exit), how to stop it. */
export interface ProxyStream {
  stream: Duplex;
  failure(): Promise<HfleetError | undefined>;
  stop(): void;
}

/** How long a failed connection waits for the command's exit status, to report it. */
const EXIT_GRACE_MS = 1000;

/** Start the command for `host`; `onStderr` receives each line it prints on stderr. */
export function startProxyCommand(
  host: string,
  command: string,
  onStderr: (line: string) => void,
): ProxyStream {
  // In its own session (`detached`), as the OpenSSH transport's ssh: a Ctrl-C on the terminal reaches hfleet
  // alone, which lets the hosts already running finish over their proxies (src/cli/interrupt.ts); the command
  // still ends with hfleet, on stop() or when its stdin closes.
  const child = spawn('/bin/sh', ['-c', `exec ${command}`], {
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  });
  let lastLine = '';
  let pending = '';
  let failure: HfleetError | undefined;
  let exited: () => void = () => undefined;
  const exit = new Promise<void>((resolve) => {
    exited = resolve;
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines.filter((text) => text.trim() !== '')) {
      lastLine = line;
      onStderr(line);
    }
  });
  const stream = Duplex.from({ readable: child.stdout, writable: child.stdin });
  child.stdin.on('error', () => undefined);
  child.on('error', (error) => {
    failure = new HfleetError('SSH_SOCKET', `${host}: ProxyCommand could not start: ${error.message}`);
    exited();
    stream.destroy(failure);
  });
  child.on('exit', (code, signal) => {
    const last = (pending.trim() || lastLine).trim();
    failure ??= new HfleetError(
      'SSH_SOCKET',
      `${host}: ProxyCommand exited (${signal ?? code})${last ? `: ${last}` : ''}`,
      { hint: `check the ProxyCommand: ${command}` },
    );
    exited();
  });
  return {
    stream,
    failure: async () => {
      if (!failure) {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([exit, new Promise((resolve) => (timer = setTimeout(resolve, EXIT_GRACE_MS)))]);
        clearTimeout(timer);
      }
      return failure;
    },
    stop: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    },
  };
}
