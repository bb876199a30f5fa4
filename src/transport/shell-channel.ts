// The byte pipe a remote shell session runs over: an SSH exec channel, or a local `sh` in tests.
import { spawn } from 'node:child_process';

/** A running `sh -s` with its three streams. */
export interface ShellChannel {
  write(data: string): void;
  /** Close stdin: the shell exits after what it has read. */
  end(): void;
  onStdout(listener: (chunk: Buffer) => void): void;
  onStderr(listener: (chunk: Buffer) => void): void;
  /** Called once when the channel is gone (the shell exited or the connection dropped). */
  onClose(listener: (reason: string) => void): void;
  /** Tear the channel down now. */
  close(): void;
}

/** A ShellChannel over a local `sh -s` child process (for tests and for the lab's own use). */
export function localShellChannel(shell = '/bin/sh'): ShellChannel {
  const child = spawn(shell, ['-s'], { stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdin.on('error', () => {});
  return {
    write: (data) => {
      child.stdin.write(data);
    },
    end: () => child.stdin.end(),
    onStdout: (listener) => child.stdout.on('data', listener),
    onStderr: (listener) => child.stderr.on('data', listener),
    onClose: (listener) => child.on('close', (code, signal) => listener(`shell exited (${signal ?? code})`)),
    close: () => child.kill('SIGKILL'),
  };
}
