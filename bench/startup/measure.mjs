// The fixed cost of starting hfleet: medians of 10 `node -e 0`, `hfleet --version`, `hfleet --help` and, when a
// lab is up, a no-change apply on one lab host. Run it under the lab lock (bench/run.mjs does); writes JSON to --out.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { summarize } from '../lib/stats.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'bin/hfleet.js');
const LAB_INVENTORY = path.join(process.env.HFLEET_LAB_DIR || '/var/lib/hfleet/lab', 'inventory.yml');

const { values } = parseArgs({
  options: { reps: { type: 'string', default: '10' }, out: { type: 'string' } },
});
const reps = Number(values.reps);

// Seconds one run of argv takes, from spawn to exit; throws when it fails.
function timeOnce(argv) {
  const started = process.hrtime.bigint();
  const run = spawnSync(argv[0], argv.slice(1), { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 0) throw new Error(`${argv.join(' ')} exited ${run.status}: ${run.stderr.trim()}`);
  return seconds;
}

// Summary of `reps` runs of argv.
function timed(argv) {
  return summarize(Array.from({ length: reps }, () => timeOnce(argv)));
}

// The first host of the lab inventory (the line above its first `address:`).
function firstLabHost() {
  return /^\s+([A-Za-z0-9_.-]+):\n\s+address:/m.exec(readFileSync(LAB_INVENTORY, 'utf8'))?.[1];
}

const result = {
  reps,
  node_e0: timed([process.execPath, '-e', '0']),
  hfleet_version: timed([process.execPath, CLI, '--version']),
  hfleet_help: timed([process.execPath, CLI, '--help']),
  nochange_apply_1_host: null,
  nochange_apply_skipped: undefined,
};
const host = existsSync(LAB_INVENTORY) ? firstLabHost() : undefined;
if (host) {
  const apply = [process.execPath, CLI, 'apply', LAB_INVENTORY, '--limit', host];
  timeOnce(apply); // converge first: the figure is of a run with nothing to change
  result.nochange_apply_1_host = timed(apply);
} else {
  result.nochange_apply_skipped = 'no lab is up (hfleet lab up 1 gives one)';
}
result.version_minus_node_median =
  Math.round((result.hfleet_version.median - result.node_e0.median) * 1000) / 1000;
const text = `${JSON.stringify(result, null, 2)}\n`;
if (values.out) writeFileSync(values.out, text);
else process.stdout.write(text);
