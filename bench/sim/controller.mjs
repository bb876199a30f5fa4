// One simulated run in its own process (so its peak RSS is its own): start the host servers in a child,
// converge N simulated hosts with hfleet's engine in-process, and print one JSON line of measurements.
// Usage: node bench/sim/controller.mjs HOSTS [PORTS]
import { mkdtempSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { applyHost } from '../../dist/engine/apply-host.js';
import { runFleet, summarize } from '../../dist/engine/run-fleet.js';
import { loadPlannedFleet } from '../../dist/fleet/fleet-input.js';
import { poolSessionOpener } from '../../dist/remote/open-session.js';
import { ConnectionPool } from '../../dist/transport/pool.js';
import { startSimFleet } from './servers.mjs';

// The number of this process's open sockets.
function openSockets() {
  let count = 0;
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      if (readlinkSync(`/proc/self/fd/${fd}`).startsWith('socket:')) count++;
    } catch {
      // the descriptor closed while listing
    }
  }
  return count;
}

const hostCount = Number(process.argv[2] ?? 10);
const portCount = Number(process.argv[3] ?? 4);
const dir = mkdtempSync(path.join(tmpdir(), 'hfleet-sim-'));
try {
  const { servers, ports, inventory } = await startSimFleet(dir, hostCount, portCount);
  const rssBefore = process.memoryUsage().rss;
  let peakSockets = openSockets();
  const sampler = setInterval(() => {
    peakSockets = Math.max(peakSockets, openSockets());
  }, 100);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const fleet = loadPlannedFleet(inventory, undefined, undefined);
  const planned = performance.now();
  const pool = new ConnectionPool({});
  const openSession = poolSessionOpener(pool);
  const options = {
    check: false,
    diff: false,
    lockWaitSec: 0,
    who: 'bench',
    stepTimeoutMs: 120_000,
    rollback: false,
  };
  const { results } = await runFleet(
    fleet.hosts,
    (host) => applyHost(host, fleet.tasks.get(host.name) ?? [], openSession, options, () => undefined),
    { forks: undefined, emit: () => undefined },
  );
  peakSockets = Math.max(peakSockets, openSockets());
  pool.closeAll();
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const cpu = process.cpuUsage(cpuBefore);
  servers.child.stdin.end();
  const served = await servers.next();
  const trips = results.map((result) => result.stats.round_trips);
  const failures = results
    .filter((r) => r.error)
    .slice(0, 3)
    .map((r) => `${r.host}: ${r.error}`);
  const report = {
    hosts: hostCount,
    server_ports: ports.length,
    seconds: Math.round(seconds * 1000) / 1000,
    load_and_plan_seconds: Math.round(planned - started) / 1000,
    cpu_seconds: Math.round((cpu.user + cpu.system) / 1000) / 1000,
    peak_rss_bytes: process.resourceUsage().maxRSS * 1024,
    rss_before_bytes: rssBefore,
    peak_open_sockets: peakSockets,
    summary: summarize(results),
    round_trips_max: Math.max(...trips),
    round_trips_total: trips.reduce((a, b) => a + b, 0),
    bytes_sent_total: results.reduce((a, r) => a + r.stats.bytes_sent, 0),
    served,
    failures,
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
