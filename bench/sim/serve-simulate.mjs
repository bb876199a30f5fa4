// The simulation of `hfleet serve` on a large fleet: one controller process (its peak RSS is its own).
import path from 'node:path';
import { runController } from './servers.mjs';
import { RSS_LIMIT_BYTES } from './simulate.mjs';

const CONTROLLER = path.join(import.meta.dirname, 'serve-controller.mjs');

// Watch `hosts` simulated hosts for `sweeps` sweeps every `intervalSec`; resolves to the controller's report.
export async function simulateServe(hosts, { sweeps = 4, intervalSec = 10 } = {}) {
  const report = await runController(
    CONTROLLER,
    [hosts, sweeps, intervalSec],
    `serve simulation of ${hosts} hosts`,
  );
  return { ...report, rss_under_limit: report.peak_rss_bytes < RSS_LIMIT_BYTES };
}
