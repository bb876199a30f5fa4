// `npm run bench:import-ansible`: time `hfleet import-ansible` on large Ansible inventories (after
// `npm run build`): a 10,000-host range, and 10 groups of 1,000 hosts under a parent. Each run is the whole
// CLI in a fresh process (start-up included); wall and CPU time (user + system) per run, medians printed,
// every sample written to bench/results/. `ansible-inventory --list` on the same files when installed.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    reps: { type: 'string', default: '5' },
    'no-ansible': { type: 'boolean', default: false },
    'out-dir': { type: 'string', default: path.join(ROOT, 'bench/results') },
  },
});

const INVENTORIES = {
  'range-10000': '[fleet]\nnode[00000:09999].example.com ansible_user=deploy\n',
  'groups-10x1000': [
    ...Array.from({ length: 10 }, (_, group) => [
      `[site${group}]`,
      `site${group}-node[0000:0999] ansible_host=10.${group}.0.1 ansible_port=22`,
      `[site${group}:vars]`,
      `region=r${group}`,
    ]).flat(),
    '[sites:children]',
    ...Array.from({ length: 10 }, (_, group) => `site${group}`),
    '[sites:vars]',
    'ansible_user=ops',
    '',
  ].join('\n'),
};

// One timed run of a command: wall seconds, CPU seconds of the child, exit status.
function timed(command, args) {
  const before = process.hrtime.bigint();
  const run = spawnSync('/usr/bin/time', ['-f', '%U %S', command, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const wall = Number(process.hrtime.bigint() - before) / 1e9;
  const [user = 0, system = 0] = (run.stderr.trim().split('\n').at(-1) ?? '').split(' ').map(Number);
  return { wall, cpu: user + system, status: run.status };
}

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const scratch = mkdtempSync(path.join(os.tmpdir(), 'hfleet-bench-import-'));
const hasAnsible = !values['no-ansible'] && spawnSync('ansible-inventory', ['--version']).status === 0;
const results = { date: new Date().toISOString(), loadavg: os.loadavg(), cpus: os.cpus().length, runs: {} };
try {
  for (const [name, text] of Object.entries(INVENTORIES)) {
    const file = path.join(scratch, `${name}.ini`);
    writeFileSync(file, text);
    const samples = { hfleet: [], ansible: [] };
    for (let rep = 0; rep < Number(values.reps); rep += 1) {
      const out = path.join(scratch, `${name}-${rep}.yml`);
      const run = timed(process.execPath, [
        path.join(ROOT, 'bin/hfleet.js'),
        'import-ansible',
        file,
        '--out',
        out,
        '--user',
        'root',
      ]);
      if (run.status !== 0) throw new Error(`hfleet import-ansible ${name} exited ${run.status}`);
      samples.hfleet.push(run);
      if (hasAnsible)
        samples.ansible.push(
          timed('ansible-inventory', ['-i', file, '--list', '--output', path.join(scratch, 'a.json')]),
        );
    }
    results.runs[name] = samples;
    const line = (tool, list) =>
      list.length === 0
        ? ''
        : `  ${tool}: wall ${median(list.map((s) => s.wall)).toFixed(2)} s, CPU ${median(list.map((s) => s.cpu)).toFixed(2)} s`;
    console.log(`${name}:${line('hfleet', samples.hfleet)}${line('ansible-inventory', samples.ansible)}`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
mkdirSync(values['out-dir'], { recursive: true });
const target = path.join(
  values['out-dir'],
  `import-ansible-${results.date.replace(/[:.]/g, '').slice(0, 17)}.json`,
);
writeFileSync(target, `${JSON.stringify(results, null, 2)}\n`);
console.log(
  `load average ${results.loadavg.map((n) => n.toFixed(1)).join(' ')} on ${results.cpus} cores; samples in ${path.relative(ROOT, target)}`,
);
