// The simulation of large fleets: one controller process per fleet size (its peak RSS is its own), then
// how time, memory and sockets grow with hosts.
import path from 'node:path';
import { linearFit } from '../lib/stats.mjs';
import { runController } from './servers.mjs';

const CONTROLLER = path.join(import.meta.dirname, 'controller.mjs');
/** The controller must stay under this at the largest size. */
export const RSS_LIMIT_BYTES = 1024 ** 3;

// Run one simulated apply of `hosts` hosts; resolves to the controller's JSON report.
export function simulateOnce(hosts, ports = 4) {
  return runController(CONTROLLER, [hosts, ports], `simulation of ${hosts} hosts`);
}

// How a measure grows per host, and whether it grows linearly (r^2 of a straight line through the sizes).
export function growth(runs, pick) {
  const fit = linearFit(runs.map((run) => ({ x: run.hosts, y: pick(run) })));
  return { per_host: fit.slope, fixed: fit.intercept, r2: Math.round(fit.r2 * 1000) / 1000 };
}

// Simulate every size in turn; the report holds each run and the growth of time, memory and sockets.
export async function simulate(sizes, log = () => undefined) {
  const runs = [];
  for (const hosts of sizes) {
    const run = await simulateOnce(hosts);
    log(
      `simulated ${hosts} hosts: ${run.seconds} s, peak RSS ${(run.peak_rss_bytes / 2 ** 20).toFixed(0)} MiB`,
    );
    if (run.summary.ok !== hosts)
      throw new Error(`simulation of ${hosts} hosts: ${JSON.stringify(run.summary)} ${run.failures}`);
    runs.push(run);
  }
  const largest = runs[runs.length - 1];
  return {
    runs,
    growth: {
      seconds: growth(runs, (run) => run.seconds),
      cpu_seconds: growth(runs, (run) => run.cpu_seconds),
      peak_rss_bytes: growth(runs, (run) => run.peak_rss_bytes),
      peak_open_sockets: growth(runs, (run) => run.peak_open_sockets),
    },
    rss_under_limit: largest ? largest.peak_rss_bytes < RSS_LIMIT_BYTES : null,
  };
}
