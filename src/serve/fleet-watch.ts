// serve's loop: keep a connection per host, read every host each interval, keep the latest views and trends.
import pLimit from 'p-limit';
import { effectiveForks } from '../engine/run-fleet.js';
import type { HistoryStore } from '../history/store.js';
import type { Host } from '../inventory/types.js';
import type { ResolvedTask } from '../playbook/types.js';
import type { Connector } from '../transport/pool.js';
import { HostLink } from './host-link.js';
import { pendingView } from './host-view.js';
import { readHost } from './read-host.js';
import { changedHosts, sweepSummary } from './sweep-record.js';
import { TrendBook } from './trend.js';
import type { FleetSnapshot, HostView } from './types.js';

/** How a watch runs. */
export interface FleetWatchOptions {
  intervalMs: number;
  /** At most this many SSH handshakes at once. */
  forks: number | undefined;
  /** How long one host's read may take (default READ_STEP_TIMEOUT_MS). */
  stepTimeoutMs?: number | undefined;
  connector: Connector;
  onWarning: (message: string) => void;
  /** Where sweeps are recorded (none: not recorded). */
  history: HistoryStore | undefined;
  /** `user@machine` recorded with each sweep. */
  who: string;
}

/** Sweeps the fleet on a timer; listeners hear of each finished sweep. */
export class FleetWatch {
  readonly trends = new TrendBook();
  readonly links: ReadonlyMap<string, HostLink>;
  #snapshot: FleetSnapshot;
  #timer: NodeJS.Timeout | undefined;
  #stopped = false;
  readonly #listeners = new Set<(snapshot: FleetSnapshot) => void>();

  constructor(
    readonly hosts: readonly Host[],
    private readonly tasks: ReadonlyMap<string, ResolvedTask[]>,
    private readonly options: FleetWatchOptions,
  ) {
    const handshakes = pLimit(effectiveForks(hosts.length, options.forks));
    const connectOptions = { onWarning: options.onWarning };
    this.links = new Map(
      hosts.map((host) => [host.name, new HostLink(host, options.connector, handshakes, connectOptions)]),
    );
    this.#snapshot = { sweep: 0, at: null, seconds: 0, hosts: hosts.map(pendingView) };
  }

  /** The latest views of every host, in inventory order. */
  get snapshot(): FleetSnapshot {
    return this.#snapshot;
  }

  /** Hear of every finished sweep; returns the function that stops listening. */
  subscribe(listener: (snapshot: FleetSnapshot) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Sweep now and then every interval (measured from one sweep's start to the next) until `stop`. */
  start(): void {
    const loop = async () => {
      const started = Date.now();
      await this.sweep();
      if (this.#stopped) return;
      this.#timer = setTimeout(loop, Math.max(0, this.options.intervalMs - (Date.now() - started)));
    };
    void loop();
  }

  /** Read every host once (hosts at once; handshakes bounded), then publish and record the sweep. */
  async sweep(): Promise<FleetSnapshot> {
    const started = performance.now();
    const previous = new Map(this.#snapshot.hosts.map((view) => [view.host, view]));
    const views = await Promise.all(
      this.hosts.map((host) =>
        readHost(
          this.links.get(host.name) as HostLink,
          this.tasks.get(host.name) ?? [],
          previous.get(host.name),
          this.options.stepTimeoutMs,
        ),
      ),
    );
    const nowMs = Date.now();
    for (const view of views) {
      for (const unit of view.units)
        this.trends.add(view.host, unit.unit, nowMs, unit.memory_bytes, unit.restarts);
    }
    this.#snapshot = {
      sweep: this.#snapshot.sweep + 1,
      at: new Date(nowMs).toISOString(),
      seconds: (performance.now() - started) / 1000,
      hosts: views,
    };
    this.#record(previous, views);
    for (const listener of this.#listeners) listener(this.#snapshot);
    return this.#snapshot;
  }

  /** Stop sweeping and close every connection. */
  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#timer);
    for (const link of this.links.values()) link.drop();
  }

  #record(previous: ReadonlyMap<string, HostView>, views: readonly HostView[]): void {
    if (!this.options.history) return;
    const changed = changedHosts(previous, views);
    const seconds = Math.round(this.#snapshot.seconds * 1000) / 1000;
    try {
      this.options.history.append({
        kind: 'sweep',
        who: this.options.who,
        hosts: changed.map((view) => view.host),
        exit_code: 0,
        document: { summary: sweepSummary(views), stats: { seconds }, hosts: changed },
      });
    } catch (error) {
      this.options.onWarning(`sweep not recorded in the history: ${String(error)}`);
    }
  }
}
