// Lint speed: the built CLI, `hfleet lint FILE...`, on 1,000 real unit files (the conformance corpus, else
// this machine's /lib/systemd/system repeated), process start included; median of --reps runs.
//   npm run build && node bench/lint/measure.mjs [--files 1000] [--reps 5] [--corpus DIR]
import { spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(import.meta.dirname, '../..');
const { values } = parseArgs({
  options: {
    files: { type: 'string', default: '1000' },
    reps: { type: 'string', default: '5' },
    corpus: { type: 'string', default: path.join(ROOT, 'test/conformance/.corpus/units') },
    'out-dir': { type: 'string', default: path.join(ROOT, 'bench/results') },
  },
});
const UNIT_FILE = /\.(service|socket|timer|path|mount|automount|swap|target|slice)$/;

function unitFiles(dir) {
  let names;
  try {
    names = readdirSync(dir).sort();
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const file = path.join(dir, name);
    const stat = lstatSync(file);
    if (stat.isDirectory()) return unitFiles(file);
    return stat.isFile() && UNIT_FILE.test(name) ? [file] : [];
  });
}

let source = values.corpus;
let pool = unitFiles(source);
if (pool.length === 0) {
  source = '/lib/systemd/system';
  pool = unitFiles(source);
}
const wanted = Number(values.files);
const files = Array.from({ length: wanted }, (_, i) => pool[i % pool.length]);
// CPU time (user + system) through GNU time: on a shared machine, wall time mostly measures the others.
const TIME = '/usr/bin/time';
const hasTime = spawnSync(TIME, ['-f', '%U', 'true']).status === 0;
const seconds = [];
const cpuSeconds = [];
for (let rep = 0; rep < Number(values.reps); rep++) {
  const command = [process.execPath, path.join(ROOT, 'bin/hfleet.js'), 'lint', '--json', ...files];
  const started = process.hrtime.bigint();
  const run = hasTime
    ? spawnSync(TIME, ['-f', 'cpu %U %S', ...command], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })
    : spawnSync(command[0], command.slice(1), { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  seconds.push(Number(process.hrtime.bigint() - started) / 1e9);
  if (run.status !== 0 && run.status !== 1)
    throw new Error(`hfleet lint exited ${run.status}: ${run.stderr}`);
  const cpu = /cpu (\S+) (\S+)\s*$/.exec(run.stderr);
  if (cpu) cpuSeconds.push(Number(cpu[1]) + Number(cpu[2]));
}
const medianOf = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const sorted = [...seconds].sort((a, b) => a - b);
const median = medianOf(seconds);
const cpuMedian = cpuSeconds.length > 0 ? medianOf(cpuSeconds) : undefined;
const result = {
  files: files.length,
  distinct: Math.min(pool.length, wanted),
  // Inside the project, relative to it: a result file names no checkout's location.
  source: path.relative(ROOT, source).startsWith('..') ? source : path.relative(ROOT, source),
  seconds,
  median,
  cpuSeconds,
  cpuMedian,
  target: 2,
  machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version, load: os.loadavg() },
};
mkdirSync(values['out-dir'], { recursive: true });
const out = path.join(
  values['out-dir'],
  `bench-lint-${new Date().toISOString().replace(/[:.]/g, '').slice(0, 17)}.json`,
);
writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
process.stdout.write(
  `hfleet lint, ${files.length} files (${result.distinct} distinct from ${source}): median ${median.toFixed(3)} s ` +
    `of ${seconds.length} (min ${sorted[0].toFixed(3)}, max ${sorted.at(-1).toFixed(3)}), ` +
    `CPU ${cpuMedian?.toFixed(3) ?? '?'} s; target < 2 s\n${out}\n`,
);
