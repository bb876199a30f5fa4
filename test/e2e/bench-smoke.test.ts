// A 3-host run of the lab benchmark (`npm run bench` with the lab), so that it cannot rot: every measure is
// taken, hfleet converges then finds nothing to change in one round trip, and Ansible (when installed)
// leaves the hosts exactly as hfleet would.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { scratchDirForFile } from '../support/scratch-dir.js';
import { describeWithLab } from './lab-context.js';
import { ensureBuilt } from './support/fleet.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const ansibleInstalled = spawnSync('ansible-playbook', ['--version']).status === 0;

describeWithLab('the lab benchmark, 3 hosts', () => {
  beforeAll(() => ensureBuilt());

  it('measures the floor, hfleet and Ansible on the same hosts and writes the table and JSON', () => {
    const out = scratchDirForFile('hfleet-bench-e2e-');
    // The test tier already holds the lab lock: the benchmark must not take it again.
    const run = spawnSync(
      process.execPath,
      [
        'bench/run.mjs',
        '--hosts',
        '3',
        '--reps',
        '1',
        '--sim',
        'none',
        '--serve-sim',
        'none',
        '--no-lock',
        '--out-dir',
        out,
      ],
      { cwd: ROOT, encoding: 'utf8', timeout: 600_000 },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/\| bare OpenSSH `ssh host true` \(floor\) +\| [0-9.]+ s/);
    expect(run.stdout).toMatch(/\| hfleet apply, nothing to change +\| [0-9.]+ s/);
    expect(run.stdout).toMatch(/\| hfleet apply, no change, openssh +\| [0-9.]+ s/);
    const [file] = readdirSync(out);
    const { lab } = JSON.parse(readFileSync(path.join(out, file!), 'utf8'));
    expect(lab.hosts).toBe(3);
    for (const name of [
      'floor',
      'hfleet_first',
      'hfleet_nochange',
      'hfleet_drift',
      'openssh_nochange',
      'openssh_drift',
    ]) {
      expect(lab.seconds[name].samples).toHaveLength(1);
      expect(lab.seconds[name].median).toBeGreaterThan(0);
    }
    expect(lab.hfleet.nochange_round_trips_per_host).toBe(1);
    expect(lab.targets.nochange_at_most_2_round_trips).toBe(true);
    expect(lab.hfleet.peak_rss_bytes).toBeGreaterThan(20 * 2 ** 20);
    expect(lab.checks.drift_hosts_with_findings).toEqual([0]);
    // The same runs over the system ssh (--transport openssh): same results, same one round trip.
    expect(lab.checks.openssh_drift_hosts_with_findings).toEqual([0]);
    expect(lab.hfleet.openssh_nochange_round_trips_per_host).toBe(1);
    // serve: one handshake per host, then sweeps over the kept connections, each beside a floor sample.
    expect(lab.seconds.serve_sweep.samples).toHaveLength(3);
    expect(lab.seconds.serve_floor.samples).toHaveLength(3);
    expect(lab.serve.handshakes).toBe(3);
    expect(lab.serve.states).toEqual({ healthy: 3 });
    if (ansibleInstalled) {
      expect(lab.seconds.ansible_first.median).toBeGreaterThan(0);
      expect(lab.checks.ansible_result_hfleet_check_changed_hosts).toBe(0);
      expect(lab.checks.ansible_nochange_changed_hosts).toBe(0);
      expect(lab.ratios.ansible_over_hfleet_nochange).toBeGreaterThan(1);
    }
  }, 600_000);
});
