// Start serve: the fleet watch, the HTTP server on its address, and one function that stops both.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { PlannedFleet } from '../fleet/fleet-input.js';
import type { HistoryStore } from '../history/store.js';
import { connect } from '../transport/connect.js';
import type { Connector } from '../transport/pool.js';
import { userAtMachine } from '../util/user-at-machine.js';
import { serveApp } from './app.js';
import { FleetWatch } from './fleet-watch.js';
import type { ListenAddress } from './listen-address.js';
import type { TrendLog } from './trend-log.js';

/** Everything a running serve needs. */
export interface ServeOptions {
  fleet: Pick<PlannedFleet, 'hosts' | 'tasks'>;
  listen: ListenAddress;
  token: string | undefined;
  intervalMs: number;
  forks: number | undefined;
  /** How long one host's read may take (`--step-timeout`; default READ_STEP_TIMEOUT_MS). */
  stepTimeoutMs?: number | undefined;
  history: HistoryStore | undefined;
  /** Where the 24-hour trends are kept across restarts (none: in memory only). */
  trendLog?: TrendLog | undefined;
  maxLiveClients: number;
  onWarning: (message: string) => void;
  /** How hosts are reached (the simulation replaces it). */
  connector?: Connector;
}

/** A running serve. */
export interface RunningServe {
  url: string;
  watch: FleetWatch;
  /** Points of earlier trends read back at start. */
  trendPointsLoaded: number;
  stop(): Promise<void>;
}

/** Listen, read back the kept trends, then start sweeping; resolves once the port is bound and the trends read. */
export async function startServe(options: ServeOptions): Promise<RunningServe> {
  const watch = new FleetWatch(options.fleet.hosts, options.fleet.tasks, {
    intervalMs: options.intervalMs,
    forks: options.forks,
    stepTimeoutMs: options.stepTimeoutMs,
    connector: options.connector ?? connect,
    onWarning: options.onWarning,
    history: options.history,
    trendLog: options.trendLog,
    who: userAtMachine(),
  });
  const app = serveApp({
    watch,
    history: options.history,
    token: options.token,
    maxLiveClients: options.maxLiveClients,
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const started = serve(
      { fetch: app.fetch, hostname: options.listen.host, port: options.listen.port },
      () => resolve(started),
    );
    started.once('error', reject);
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  // The earlier trends first: a sweep's point must not come before the older ones it follows.
  const trendPointsLoaded = await watch.loadTrends();
  watch.start();
  return {
    url: `http://${host}:${address.port}/`,
    watch,
    trendPointsLoaded,
    stop: () =>
      new Promise((resolve) => {
        watch.stop();
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };
}
