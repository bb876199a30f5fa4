// The simulation of `hfleet serve` on a large fleet: one controller process (its peak RSS is its own).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { RSS_LIMIT_BYTES } from './simulate.mjs';

const CONTROLLER = path.join(import.meta.dirname, 'serve-controller.mjs');

// Watch `hosts` simulated hosts for `sweeps` sweeps every `intervalSec`; resolves to the controller's report.
export function simulateServe(hosts, { sweeps = 4, intervalSec = 10 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CONTROLLER, String(hosts), String(sweeps), String(intervalSec)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.once('error', reject);
    child.once('close', (code) => {
      if (code !== 0) return reject(new Error(`serve simulation of ${hosts} hosts exited ${code}`));
      const report = JSON.parse(out.trim().split('\n').pop());
      resolve({ ...report, rss_under_limit: report.peak_rss_bytes < RSS_LIMIT_BYTES });
    });
  });
}
