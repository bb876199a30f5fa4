// The end of something that closes once (a connection, a channel): whether it has, and who to tell when it does.

/**
 * Closes once, with a reason, and tells every listener: those added before at the close, those added after in a
 * microtask (so a listener never runs inside the call that adds it).
 */
export class CloseSignal<Reason = void> {
  #closedWith: { reason: Reason } | undefined;
  readonly #listeners: Array<(reason: Reason) => void> = [];

  /** Whether `close` has been called. */
  get closed(): boolean {
    return this.#closedWith !== undefined;
  }

  /** Call `listener` with the reason once closed (in a microtask if already closed). */
  listen(listener: (reason: Reason) => void): void {
    const closedWith = this.#closedWith;
    if (closedWith) queueMicrotask(() => listener(closedWith.reason));
    else this.#listeners.push(listener);
  }

  /** Forget a listener that has not run yet (its wait ended some other way). */
  unlisten(listener: (reason: Reason) => void): void {
    const index = this.#listeners.indexOf(listener);
    if (index >= 0) this.#listeners.splice(index, 1);
  }

  /** Close with `reason` and run the listeners; false (and nothing runs) when it was already closed. */
  close(reason: Reason): boolean {
    if (this.#closedWith) return false;
    this.#closedWith = { reason };
    for (const listener of this.#listeners.splice(0)) listener(reason);
    return true;
  }
}
