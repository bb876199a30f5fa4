// The bounded set of live (Server-Sent Events) clients: one more than the limit is refused, not queued.

/** Counts open event streams; `enter` is false when the limit is reached. */
export class LiveClients {
  #open = 0;

  constructor(readonly limit: number) {}

  /** Take a place; false when every place is taken. */
  enter(): boolean {
    if (this.#open >= this.limit) return false;
    this.#open++;
    return true;
  }

  /** Give a place back. */
  leave(): void {
    this.#open = Math.max(0, this.#open - 1);
  }

  /** Streams open now. */
  get open(): number {
    return this.#open;
  }
}
