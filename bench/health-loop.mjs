// Provoke crash loops on the lab, run after run, and count how often a command calls a crash-looping or dying
// unit healthy (the answer must be 0). Run under the lab lock: `flock /tmp/hfleet-lab.lock node bench/health-loop.mjs 20`.
// Each run resets acme-1 and globex-1; acme-1's hub-scheduler exits at start (a crash loop), globex-1's
// hub-platform answers 200 and dies 2 s after starting. apply, drift, status and restart then judge them.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dump } from 'js-yaml';
import { ensureLab, labExec, resetLabHost } from '../dist/lab/index.js';
import { crashAtStartScript, platformDiesAfterTwoSecondsScript } from '../dist/lab/stand-ins.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const RUNS = Number(process.argv[2] ?? 20);
const CASES = {
  'crash at start': { host: 'acme-1', customer: 'acme', unit: 'hub-scheduler.service' },
  'dies after 2 s': { host: 'globex-1', customer: 'globex', unit: 'hub-platform.service' },
};

function hfleet(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/hfleet.js'), ...args, '--json'], {
      env: { ...process.env, NO_COLOR: '1' },
    });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.on('close', (code) => resolve({ code, json: JSON.parse(out) }));
  });
}

async function onHost(host, script) {
  const result = await labExec(host, script);
  if (result.code !== 0) throw new Error(`${host}: ${script}: ${result.stderr}`);
}

function inventoryFor(lab) {
  const customers = {};
  for (const { host, customer } of Object.values(CASES)) {
    const address = lab.hosts.find((h) => h.name === host).address;
    customers[customer] = { vars: { health_timeout: 8 }, hosts: { [host]: { address } } };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hfleet-health-loop-'));
  const file = path.join(dir, 'inventory.yml');
  const ssh = { user: 'root', identity_file: lab.keyPath, known_hosts: lab.knownHostsPath };
  writeFileSync(file, dump({ defaults: { ssh }, customers }));
  return { dir, file };
}

// Did this command call the case's unit healthy? One judgement per command and case.
const calledHealthy = {
  apply: (doc, c) => doc.hosts.find((h) => h.host === c.host).status !== 'failed',
  drift: (doc, c) =>
    !doc.hosts
      .find((h) => h.host === c.host)
      .findings.some((f) => f.unit === c.unit && ['crash-loop', 'failed', 'unhealthy'].includes(f.kind)),
  status: (doc, c) => doc.hosts.find((h) => h.host === c.host).units.find((u) => u.unit === c.unit).healthy,
  restart: (doc) => doc.failed.length === 0,
};

// The usual 3-host lab (booted when it is down; left up for the next user of the lock).
const lab = await ensureLab(3);
const inventory = inventoryFor(lab);
const tally = Object.fromEntries(
  Object.keys(CASES).map((name) => [name, { apply: 0, drift: 0, status: 0, restart: 0 }]),
);
try {
  for (let run = 1; run <= RUNS; run++) {
    for (const c of Object.values(CASES)) await resetLabHost(c.host);
    await onHost('acme-1', crashAtStartScript('hub-scheduler'));
    await onHost('globex-1', platformDiesAfterTwoSecondsScript());
    const docs = { apply: await hfleet(['apply', inventory.file]) };
    docs.drift = await hfleet(['drift', inventory.file]);
    docs.status = await hfleet(['status', inventory.file]);
    const restarts = await Promise.all(
      Object.values(CASES).map((c) =>
        hfleet([
          'restart',
          inventory.file,
          '--limit',
          c.customer,
          '--services',
          c.unit,
          '--health-timeout',
          '8',
        ]),
      ),
    );
    const line = [];
    for (const [index, [name, c]] of Object.entries(CASES).entries()) {
      for (const command of ['apply', 'drift', 'status']) {
        if (calledHealthy[command](docs[command].json, c)) tally[name][command]++;
      }
      if (calledHealthy.restart(restarts[index].json, c)) tally[name].restart++;
      line.push(`${name}: ${JSON.stringify(tally[name])}`);
    }
    process.stderr.write(`run ${run}/${RUNS}: ${line.join('; ')}\n`);
  }
} finally {
  for (const c of Object.values(CASES)) await resetLabHost(c.host);
  rmSync(inventory.dir, { recursive: true, force: true });
}
const result = { runs: RUNS, called_healthy: tally, at: new Date().toISOString() };
mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(path.join(ROOT, 'bench/results/health-loop.json'), `${JSON.stringify(result, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(result)}\n`);
