// A ShellChannel whose output a test scripts byte by byte, to deliver chunks exactly where it wants them split.
import type { ShellChannel } from '../../src/transport/shell-channel.js';

/** A scripted channel, the scripts it was sent, and handles to feed its streams and close it. */
export interface ScriptedChannel {
  channel: ShellChannel;
  written: string[];
  ended: () => boolean;
  stdout: (chunk: Buffer) => void;
  stderr: (chunk: Buffer) => void;
  closeWith: (reason: string) => void;
}

/** A ShellChannel driven by the test: `onWrite` sees each script written to it. */
export function scriptedChannel(
  onWrite: (data: string, self: ScriptedChannel) => void = () => {},
): ScriptedChannel {
  const out: Array<(chunk: Buffer) => void> = [];
  const err: Array<(chunk: Buffer) => void> = [];
  const closed: Array<(reason: string) => void> = [];
  let ended = false;
  const self: ScriptedChannel = {
    written: [],
    ended: () => ended,
    stdout: (chunk) => {
      for (const listener of out) listener(chunk);
    },
    stderr: (chunk) => {
      for (const listener of err) listener(chunk);
    },
    closeWith: (reason) => {
      for (const listener of closed.splice(0)) listener(reason);
    },
    channel: {
      write: (data) => {
        self.written.push(data);
        onWrite(data, self);
      },
      end: () => {
        ended = true;
      },
      onStdout: (listener) => out.push(listener),
      onStderr: (listener) => err.push(listener),
      onClose: (listener) => closed.push(listener),
      close: () => self.closeWith('closed by the test'),
    },
  };
  return self;
}

/** `bytes` cut in two at `offset`. */
export function splitAt(bytes: Buffer, offset: number): Buffer[] {
  return [bytes.subarray(0, offset), bytes.subarray(offset)];
}
