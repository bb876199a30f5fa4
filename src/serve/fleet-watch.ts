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
import { TrendBook, trendBucket } from './trend.js';
import type { TrendLog } from './trend-log.js';
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
  /** Where closed trend buckets are kept across restarts (none: in memory only). */
  trendLog?: TrendLog | undefined;
}

/** Sweeps the fleet on a timer; listeners hear of each finished sweep. */
export class FleetWatch {
  readonly trends = new TrendBook();
  readonly links: ReadonlyMap<string, HostLink>;
  #snapshot: FleetSnapshot;
  #timer: NodeJS.Timeout | undefined;
  #stopped = false;
  /** The trend bucket the last sweep wrote into, not yet kept in the trend log. */
  #openBucket: number | undefined;
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
    const bucket = trendBucket(nowMs);
    if (this.#openBucket !== undefined && this.#openBucket !== bucket) this.#keepBucket(this.#openBucket);
    this.#openBucket = bucket;
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

  /** Read back the last 24 hours of trends kept by an earlier serve (before `start`); resolves to the points read. */
  async loadTrends(): Promise<number> {
    if (!this.options.trendLog) return 0;
    try {
      return await this.options.trendLog.load(this.trends, new Set(this.hosts.map((host) => host.name)));
    } catch (error) {
      this.options.onWarning(`earlier trends not read: ${String(error)}`);
      return 0;
    }
  }

  /** Stop sweeping and close every connection; the open trend bucket is kept, so a restart goes on from it. */
  stop(): void {
    if (!this.#stopped && this.#openBucket !== undefined) this.#keepBucket(this.#openBucket);
    this.#stopped = true;
    clearTimeout(this.#timer);
    for (const link of this.links.values()) link.drop();
  }

  #keepBucket(t: number): void {
    if (!this.options.trendLog) return;
    try {
      this.options.trendLog.append(t, this.trends.bucket(t));
    } catch (error) {
      this.options.onWarning(`trends not kept: ${String(error)}`);
    }
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
