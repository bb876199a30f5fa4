// The large-fleet simulation, run small: simulated hosts answer the facts script over real SSH on loopback,
// the engine converges them in one round trip each, and the report holds the growth figures.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { scratchDir } from '../../support/scratch-dir.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');

function node(args: string[]) {
  const run = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  if (run.status !== 0) throw new Error(`node ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  return run;
}

describe('bench simulation', () => {
  beforeAll(() => {
    if (!existsSync(path.join(ROOT, 'dist/engine/apply-host.js'))) {
      spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
    }
  });

  it('converges simulated hosts with one facts round trip each, over one connection each', () => {
    const report = JSON.parse(node(['bench/sim/controller.mjs', '7', '3']).stdout);
    expect(report.summary).toEqual({ ok: 7, changed: 0, failed: 0, unreachable: 0 });
    expect(report.failures).toEqual([]);
    expect(report.round_trips_max).toBe(1);
    expect(report.round_trips_total).toBe(7);
    expect(report.served).toEqual({ connections: 7, facts: 7, other: 0 });
    expect(report.server_ports).toBe(3);
    expect(report.bytes_sent_total).toBeGreaterThan(7 * 1000);
  });

  it('npm run bench without the lab writes the simulation growth as JSON and prints its table', () => {
    const out = scratchDir('hfleet-bench-test-');
    const run = node([
      'bench/run.mjs',
      '--no-lab',
      '--no-startup',
      '--sim',
      '3,6',
      '--serve-sim',
      'none',
      '--out-dir',
      out,
    ]);
    expect(run.stdout).toMatch(/\| 6 +\| [0-9.]+ s/);
    expect(run.stdout).toMatch(/growth per host: .* under 1 GiB at the largest size: (yes|no)/);
    const [file] = readdirSync(out);
    const result = JSON.parse(readFileSync(path.join(out, file!), 'utf8'));
    expect(result.machine.cpus).toBeGreaterThan(0);
    expect(result.lab).toBeUndefined();
    expect(result.simulation.runs.map((r: { hosts: number }) => r.hosts)).toEqual([3, 6]);
    expect(typeof result.simulation.rss_under_limit).toBe('boolean');
    expect(Number.isFinite(result.simulation.growth.seconds.per_host)).toBe(true);
  });

  it('watches simulated hosts like serve: one handshake per host, then sweeps over the kept connections', () => {
    const report = JSON.parse(node(['bench/sim/serve-controller.mjs', '5', '2', '5']).stdout);
    expect(report.sweeps).toBe(2);
    expect(report.handshakes).toBe(5);
    expect(report.served).toEqual({ connections: 5, facts: 10, other: 0 });
    expect(report.history_runs_prefilled).toBe(17280);
    // 24 h of trends kept on disk, read back at start (the oldest bucket is just out of the 24 hours).
    expect(report.trend_points_loaded).toBeGreaterThanOrEqual(5 * 4 * 286);
    expect(report.metrics.status).toBe(200);
    expect(report.grid.status).toBe(200);
    expect(report.host_page.status).toBe(200);
  }, 120_000);
});
