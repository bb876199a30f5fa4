// What the two Connection kinds (ssh2 and OpenSSH) share about their end: `closed` and `onClose`.
import { CloseSignal } from './close-signal.js';

/** The end of a Connection: subclasses call `this.closing.close()` once the connection is gone. */
export abstract class ClosingConnection {
  protected readonly closing = new CloseSignal();

  /** Whether the connection has closed (by `close()`, the host or the network). */
  get closed(): boolean {
    return this.closing.closed;
  }

  /** Call `listener` once the connection has closed (in a microtask if it already has). */
  onClose(listener: () => void): void {
    this.closing.listen(listener);
  }
}
