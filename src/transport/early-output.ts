// Output of a channel kept until someone listens: ssh2 can hand over a short command's whole output in the same
// tick as the channel's opening, before the caller has had a chance to subscribe.

/** One output stream of a channel: chunks that come before the first listener are kept and replayed to it. */
export class EarlyOutput {
  #pending: Buffer[] = [];
  #listeners: Array<(chunk: Buffer) => void> = [];

  /** A chunk arrived: hand it to the listeners, or keep it until the first one comes. */
  push(chunk: Buffer): void {
    if (this.#listeners.length === 0) this.#pending.push(chunk);
    for (const listener of this.#listeners) listener(chunk);
  }

  /** Listen from now on; the first listener first gets what arrived before it. */
  listen(listener: (chunk: Buffer) => void): void {
    this.#listeners.push(listener);
    for (const chunk of this.#pending.splice(0)) listener(chunk);
  }
}
