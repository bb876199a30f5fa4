// The lab benchmark (run it under the lab lock): bring up N hosts, then alternate bare OpenSSH, hfleet over
// each transport (ssh2, and the system ssh with --transport openssh) and Ansible several times on the same
// hosts, and write the raw samples as JSON.
// First runs (hosts reset to the base install before each) are taken in the first --first-reps repetitions;
// the no-change runs and drift in every one (hfleet and Ansible leave identical hosts, checked below).
// Usage: node bench/lab/measure.mjs --hosts 50 --reps 3 --first-reps 2 --out FILE [--no-ansible] [--record-facts]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ensureLab, labDown, labUp, readLabState } from '../../dist/lab/index.js';
import { profileOf, writeInventories } from './fleet-profile.mjs';
import { recordFacts } from './record-facts.mjs';
import { resetHosts } from './reset-hosts.mjs';
import { measureServeSweeps } from './serve-sweep.mjs';
import { sshFanOut } from './timed.mjs';
import { ansibleRun, ansibleVersion, closeControlMasters, hfleetRun } from './tools.mjs';

const { values } = parseArgs({
  options: {
    hosts: { type: 'string', default: '50' },
    reps: { type: 'string', default: '3' },
    'first-reps': { type: 'string', default: '2' },
    out: { type: 'string' },
    'no-ansible': { type: 'boolean', default: false },
    'record-facts': { type: 'boolean', default: false },
  },
});
const count = Number(values.hosts);
const reps = Number(values.reps);
const firstReps = Math.min(reps, Number(values['first-reps']));
const log = (line) => process.stderr.write(`bench: ${line}\n`);
const samples = {
  floor: [],
  hfleet_first: [],
  hfleet_nochange: [],
  hfleet_drift: [],
  openssh_nochange: [],
  openssh_drift: [],
  ansible_first: [],
  ansible_nochange: [],
  serve_floor: [],
  serve_sweep: [],
};
const hfleetStats = {
  peak_rss_bytes: [],
  nochange_round_trips_max: [],
  nochange_bytes_sent_per_host: [],
  first_round_trips_max: [],
  openssh_nochange_round_trips_max: [],
};
const checks = {
  ansible_result_hfleet_check_changed_hosts: null,
  drift_hosts_with_findings: [],
  openssh_drift_hosts_with_findings: [],
};

function expectSummary(label, json, wanted) {
  const got = json.summary;
  for (const [key, value] of Object.entries(wanted)) {
    if (got[key] === value) continue;
    const failed = json.hosts.find((host) => host.error);
    throw new Error(
      `${label}: expected ${key}=${value}, got ${JSON.stringify(got)}; ${failed?.host}: ${failed?.error}`,
    );
  }
}

async function hfleetBlock(inventory, hosts, withFirst) {
  if (withFirst) {
    await resetHosts(hosts);
    const first = await hfleetRun('apply', inventory);
    expectSummary('hfleet first apply', first.json, { changed: hosts.length });
    samples.hfleet_first.push(first.seconds);
    hfleetStats.peak_rss_bytes.push(first.json.stats.peak_rss_bytes);
    hfleetStats.first_round_trips_max.push(first.json.stats.round_trips_max);
    log(`hfleet first ${first.seconds.toFixed(2)} s`);
  }
  const again = await hfleetRun('apply', inventory);
  expectSummary('hfleet no-change apply', again.json, { ok: hosts.length });
  const drift = await hfleetRun('drift', inventory);
  samples.hfleet_nochange.push(again.seconds);
  samples.hfleet_drift.push(drift.seconds);
  hfleetStats.peak_rss_bytes.push(again.json.stats.peak_rss_bytes);
  hfleetStats.nochange_round_trips_max.push(again.json.stats.round_trips_max);
  hfleetStats.nochange_bytes_sent_per_host.push(Math.round(again.json.stats.bytes_sent_total / hosts.length));
  checks.drift_hosts_with_findings.push(drift.json.hosts.filter((h) => (h.findings ?? []).length > 0).length);
  log(`hfleet no-change ${again.seconds.toFixed(2)} s, drift ${drift.seconds.toFixed(2)} s`);
}

// The same no-change apply and drift over the system ssh (`--transport openssh`), on the converged hosts.
async function opensshBlock(inventory, hosts) {
  const transport = ['--transport', 'openssh'];
  const again = await hfleetRun('apply', inventory, transport);
  expectSummary('hfleet no-change apply (openssh)', again.json, { ok: hosts.length });
  const drift = await hfleetRun('drift', inventory, transport);
  samples.openssh_nochange.push(again.seconds);
  samples.openssh_drift.push(drift.seconds);
  hfleetStats.openssh_nochange_round_trips_max.push(again.json.stats.round_trips_max);
  checks.openssh_drift_hosts_with_findings.push(
    drift.json.hosts.filter((h) => (h.findings ?? []).length > 0).length,
  );
  log(
    `hfleet --transport openssh no-change ${again.seconds.toFixed(2)} s, drift ${drift.seconds.toFixed(2)} s`,
  );
}

async function ansibleBlock(setup, hosts, withFirst) {
  if (withFirst) {
    await resetHosts(hosts);
    const first = await ansibleRun(setup);
    closeControlMasters(first.controlDir);
    samples.ansible_first.push(first.seconds);
    log(`ansible first ${first.seconds.toFixed(2)} s`);
    if (checks.ansible_result_hfleet_check_changed_hosts === null) {
      const check = await hfleetRun('apply', setup.hfleetInventory, ['--check']);
      checks.ansible_result_hfleet_check_changed_hosts = check.json.summary.changed;
    }
  }
  const again = await ansibleRun(setup);
  closeControlMasters(again.controlDir);
  samples.ansible_nochange.push(again.seconds);
  checks.ansible_nochange_changed_hosts = Math.max(
    checks.ansible_nochange_changed_hosts ?? 0,
    again.changedHosts,
  );
  log(`ansible no-change ${again.seconds.toFixed(2)} s`);
}

const before = readLabState();
const workDir = mkdtempSync(path.join(tmpdir(), 'hfleet-bench-'));
const started = Date.now();
try {
  log(`lab of ${count} hosts (${before ? `${before.hosts.length} up before` : 'none up before'})`);
  const lab = await ensureLab(count);
  const hosts = lab.hosts.slice(0, count);
  const files = writeInventories(workDir, lab, hosts);
  const ansible = values['no-ansible'] ? undefined : ansibleVersion();
  const setup = {
    workDir,
    inventory: files.ansible,
    hfleetInventory: files.hfleet,
    forks: count,
    knownHosts: lab.knownHostsPath,
  };
  for (let rep = 0; rep < reps; rep++) {
    log(`repetition ${rep + 1} of ${reps}`);
    samples.floor.push(await sshFanOut(lab, hosts));
    const withFirst = rep < firstReps;
    const blocks = [
      () => hfleetBlock(files.hfleet, hosts, withFirst),
      () => opensshBlock(files.hfleet, hosts),
      ...(ansible ? [() => ansibleBlock(setup, hosts, withFirst)] : []),
    ];
    if (rep % 2 === 1) blocks.reverse();
    for (const block of blocks) await block();
  }
  // serve on the converged hosts: one connecting sweep, then sweeps over the kept connections vs the floor.
  const serve = await measureServeSweeps(lab, files.hfleet, Math.max(3, reps));
  samples.serve_floor.push(...serve.floor_seconds);
  samples.serve_sweep.push(...serve.sweep_seconds);
  log(
    `serve sweep ${serve.sweep_seconds.map((s) => s.toFixed(2)).join(', ')} s (${serve.handshakes} handshakes)`,
  );
  let recorded;
  if (values['record-facts']) {
    await resetHosts(hosts);
    await hfleetRun('apply', files.hfleet);
    recorded = await recordFacts(files.hfleet, profileOf(0));
  }
  await resetHosts(hosts);
  const result = {
    hosts: count,
    reps,
    ansible: ansible ?? null,
    samples,
    hfleet: hfleetStats,
    checks,
    serve: {
      handshakes: serve.handshakes,
      first_sweep_seconds: serve.first_sweep_seconds,
      states: serve.states,
    },
    recorded,
    seconds: (Date.now() - started) / 1000,
  };
  if (values.out) writeFileSync(values.out, `${JSON.stringify(result, null, 2)}\n`);
  else process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  rmSync(workDir, { recursive: true, force: true });
  const had = before?.hosts.length ?? 0;
  if (had < count) {
    log(`putting the lab back as it was (${had} hosts)`);
    await labDown();
    if (had > 0) await labUp({ hosts: had });
  }
}
