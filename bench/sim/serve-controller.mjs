// One simulated `hfleet serve` in its own process: N simulated hosts over real SSH on loopback, 24 hours of
// history and trends already recorded (the trends read back from disk as a restarted serve does), then sweeps
// every INTERVAL seconds; prints one JSON line.
// Usage: node bench/sim/serve-controller.mjs HOSTS [SWEEPS] [INTERVAL_S] [PORTS]
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadPlannedFleet } from '../../dist/fleet/fleet-input.js';
import { HistoryStore } from '../../dist/history/store.js';
import { parseListen } from '../../dist/serve/listen-address.js';
import { startServe } from '../../dist/serve/start-serve.js';
import { TrendLog } from '../../dist/serve/trend-log.js';
import { startSimFleet } from './servers.mjs';

const hostCount = Number(process.argv[2] ?? 10);
const sweeps = Number(process.argv[3] ?? 4);
const intervalSec = Number(process.argv[4] ?? 10);
const portCount = Number(process.argv[5] ?? 4);
const DAY_MS = 86_400_000;
const dir = mkdtempSync(path.join(tmpdir(), 'hfleet-serve-sim-'));

// 24 hours of sweeps every INTERVAL seconds, as serve records them: the first with every host.
function prefillHistory(store, hosts, nowMs) {
  const count = Math.floor(DAY_MS / (intervalSec * 1000));
  const summary = {
    hosts: hosts.length,
    healthy: hosts.length,
    drifted: 0,
    unhealthy: 0,
    unreachable: 0,
    error: 0,
    pending: 0,
  };
  for (let i = 0; i < count; i++) {
    const at = nowMs - DAY_MS + i * intervalSec * 1000;
    store.append(
      {
        kind: 'sweep',
        who: 'bench',
        hosts: i === 0 ? hosts : [],
        exit_code: 0,
        document: { summary, stats: { seconds: 1 } },
      },
      at,
    );
  }
  return count;
}

const UNITS = ['hub-platform.service', 'hub-cloud.service', 'hub-scheduler.service', 'dbt-run.timer'];

// 24 hours of 5-minute trend points for every host and unit, kept on disk as serve keeps them.
function prefillTrends(log, fleet, nowMs) {
  const current = nowMs - (nowMs % 300_000);
  for (let k = 288; k > 0; k--) {
    const t = current - k * 300_000;
    const points = function* () {
      for (const host of fleet.hosts)
        for (const unit of UNITS) yield [host.name, unit, { t, memory: 16_000_000 + k * 1000, restarts: 0 }];
    };
    log.append(t, points(), nowMs);
  }
}

function dirBytes(folder) {
  return readdirSync(folder).reduce((sum, name) => sum + statSync(path.join(folder, name)).size, 0);
}

try {
  const { servers, inventory } = await startSimFleet(dir, hostCount, portCount);
  const fleet = loadPlannedFleet(inventory, undefined, undefined);
  const historyDir = path.join(dir, 'history');
  const history = new HistoryStore(historyDir, 30);
  const nowMs = Date.now();
  const prefilled = prefillHistory(
    history,
    fleet.hosts.map((host) => host.name),
    nowMs,
  );
  const trendLog = new TrendLog(path.join(dir, 'trends'));
  prefillTrends(trendLog, fleet, nowMs);
  const cpuBefore = process.cpuUsage();
  const startedAt = performance.now();
  const running = await startServe({
    fleet,
    listen: parseListen('127.0.0.1:0'),
    token: undefined,
    intervalMs: intervalSec * 1000,
    forks: undefined,
    history,
    trendLog,
    maxLiveClients: 64,
    onWarning: () => undefined,
  });
  // Listening plus the trends read back: what a restart costs before the first sweep.
  const startSeconds = Math.round(performance.now() - startedAt) / 1000;
  const peakRssAtStart = process.resourceUsage().maxRSS * 1024;
  const sweepSeconds = [];
  await new Promise((resolve) => {
    running.watch.subscribe((snapshot) => {
      sweepSeconds.push(Math.round(snapshot.seconds * 1000) / 1000);
      if (snapshot.sweep >= sweeps) resolve();
    });
  });
  const timed = async (url) => {
    const started = performance.now();
    const response = await fetch(url);
    const bytes = (await response.arrayBuffer()).byteLength;
    return { status: response.status, seconds: Math.round(performance.now() - started) / 1000, bytes };
  };
  const metrics = await timed(`${running.url}metrics`);
  const grid = await timed(running.url);
  const hostPage = await timed(`${running.url}host/${fleet.hosts[0].name}`);
  const snapshot = running.watch.snapshot;
  const handshakes = [...running.watch.links.values()].reduce((sum, link) => sum + link.handshakeCount, 0);
  const cpu = process.cpuUsage(cpuBefore);
  await running.stop();
  servers.child.stdin.end();
  const served = await servers.next();
  const states = {};
  for (const view of snapshot.hosts) states[view.state] = (states[view.state] ?? 0) + 1;
  process.stdout.write(
    `${JSON.stringify({
      hosts: hostCount,
      interval_seconds: intervalSec,
      sweeps: snapshot.sweep,
      first_sweep_seconds: sweepSeconds[0],
      steady_sweep_seconds: sweepSeconds.slice(1),
      handshakes,
      history_runs_prefilled: prefilled,
      history_bytes: dirBytes(historyDir),
      trend_points: hostCount * 4 * 288,
      trend_points_loaded: running.trendPointsLoaded,
      trend_log_bytes: dirBytes(path.join(dir, 'trends')),
      start_seconds: startSeconds,
      peak_rss_at_start_bytes: peakRssAtStart,
      metrics,
      grid,
      host_page: hostPage,
      cpu_seconds: Math.round((cpu.user + cpu.system) / 1000) / 1000,
      peak_rss_bytes: process.resourceUsage().maxRSS * 1024,
      rss_after_bytes: process.memoryUsage().rss,
      states,
      served,
    })}\n`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
