// `npm run bench`: the lab benchmark (under the shared lab lock) and the large-fleet simulation; writes
// JSON to bench/results/ and prints a short table. See bench/README.md for the options.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { labReport, labTable, serveSimTable, simTable, startupTable } from './lib/report.mjs';
import { simulateServe } from './sim/serve-simulate.mjs';
import { simulate } from './sim/simulate.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const LAB_LOCK = '/tmp/hfleet-lab.lock';

const { values } = parseArgs({
  options: {
    hosts: { type: 'string', default: '50' },
    reps: { type: 'string', default: '3' },
    'first-reps': { type: 'string', default: '2' },
    sim: { type: 'string', default: '250,500,1000,2000' },
    'serve-sim': { type: 'string', default: '2000' },
    'no-lab': { type: 'boolean', default: false },
    'no-startup': { type: 'boolean', default: false },
    'no-ansible': { type: 'boolean', default: false },
    'no-lock': { type: 'boolean', default: false },
    'record-facts': { type: 'boolean', default: false },
    'out-dir': { type: 'string', default: path.join(ROOT, 'bench/results') },
  },
});
const log = (line) => process.stderr.write(`bench: ${line}\n`);

function machine() {
  const cpus = os.cpus();
  const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], {
    cwd: ROOT,
    encoding: 'utf8',
  }).stdout.trim();
  return {
    cpus: cpus.length,
    cpu_model: cpus[0]?.model.trim() ?? 'unknown',
    memory_gib: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    kernel: os.release(),
    commit: commit || null,
  };
}

// Run bench/startup/measure.mjs in a child (under the lab lock unless --no-lock): hfleet's fixed cost.
function measureStartup() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hfleet-bench-startup-'));
  const out = path.join(dir, 'startup.json');
  const args = [path.join(ROOT, 'bench/startup/measure.mjs'), '--out', out];
  const argv = values['no-lock']
    ? [process.execPath, ...args]
    : ['flock', LAB_LOCK, process.execPath, ...args];
  try {
    const run = spawnSync(argv[0], argv.slice(1), { stdio: ['ignore', 'inherit', 'inherit'] });
    if (run.status !== 0) throw new Error(`the startup benchmark exited ${run.status}`);
    return JSON.parse(readFileSync(out, 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Run the lab part in a child (under the lab lock unless --no-lock); resolves to its raw samples.
function measureLab() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hfleet-bench-run-'));
  const out = path.join(dir, 'lab.json');
  const args = [
    path.join(ROOT, 'bench/lab/measure.mjs'),
    '--hosts',
    values.hosts,
    '--reps',
    values.reps,
    '--first-reps',
    values['first-reps'],
    '--out',
    out,
  ];
  if (values['no-ansible']) args.push('--no-ansible');
  if (values['record-facts']) args.push('--record-facts');
  const argv = values['no-lock']
    ? [process.execPath, ...args]
    : ['flock', LAB_LOCK, process.execPath, ...args];
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0], argv.slice(1), { stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('error', reject);
    child.once('close', (code) => {
      try {
        if (code !== 0) throw new Error(`the lab benchmark exited ${code}`);
        resolve(JSON.parse(readFileSync(out, 'utf8')));
      } catch (error) {
        reject(error);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}

if (!existsSync(path.join(ROOT, 'dist/cli/main.js'))) {
  throw new Error('build first: npm run build (the benchmark runs the built CLI)');
}
const result = { date: new Date().toISOString(), machine: machine() };
const tables = [];
if (!values['no-startup']) {
  log('startup: 10 runs each of node -e 0, hfleet --version, hfleet --help, a no-change apply on 1 lab host');
  result.startup = measureStartup();
  tables.push(startupTable(result.startup));
}
if (!values['no-lab']) {
  log(
    `lab benchmark: ${values.hosts} hosts, ${values.reps} repetitions${values['no-lock'] ? '' : ` (waiting for ${LAB_LOCK})`}`,
  );
  result.lab = labReport(await measureLab());
  tables.push(labTable(result.lab, result.machine));
}
const sizes = values.sim === 'none' ? [] : values.sim.split(',').map(Number);
if (sizes.length > 0) {
  log(`simulation: ${sizes.join(', ')} hosts`);
  result.simulation = await simulate(sizes, log);
  tables.push(simTable(result.simulation));
}
if (values['serve-sim'] !== 'none') {
  log(`serve simulation: ${values['serve-sim']} hosts, a sweep every 10 s`);
  result.serve_simulation = await simulateServe(Number(values['serve-sim']));
  tables.push(serveSimTable(result.serve_simulation));
}
mkdirSync(values['out-dir'], { recursive: true });
const kind = result.lab ? `${result.lab.hosts}h` : result.simulation ? 'sim' : 'startup';
const name = `bench-${kind}-${result.date.slice(0, 19).replace(/:/g, '')}.json`;
const file = path.join(values['out-dir'], name);
writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
process.stdout.write(`${tables.join('\n\n')}\n\nresults: ${path.relative(process.cwd(), file)}\n`);
