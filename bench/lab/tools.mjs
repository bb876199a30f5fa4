// The measured commands: `hfleet apply` / `hfleet drift` (the built CLI) and `ansible-playbook`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { timed } from './timed.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/hfleet.js');
// The Ansible playbook equivalent to hfleet's built-in one.
export const ANSIBLE_PLAYBOOK = path.join(ROOT, 'bench/ansible/site.yml');

// Run `hfleet <command> INVENTORY --json ...`; resolves to the timing and the parsed document.
export async function hfleetRun(command, inventory, extra = []) {
  const run = await timed([process.execPath, BIN, command, inventory, '--json', ...extra]);
  let json;
  try {
    json = JSON.parse(run.stdout);
  } catch {
    throw new Error(`hfleet ${command} printed no JSON (exit ${run.code}): ${run.stderr.slice(-2000)}`);
  }
  return { ...run, json };
}

// The installed ansible-playbook's version line, or undefined when it is not installed.
export function ansibleVersion() {
  const probe = spawnSync('ansible-playbook', ['--version'], { encoding: 'utf8' });
  return probe.status === 0 ? probe.stdout.split('\n')[0] : undefined;
}

// ansible.cfg for a run: pipelining, forks = hosts, no fact gathering, the lab's pinned host keys.
export function ansibleConfig({ inventory, forks, knownHosts, controlDir }) {
  return [
    '[defaults]',
    `inventory = ${inventory}`,
    `forks = ${forks}`,
    'gathering = explicit',
    'host_key_checking = True',
    'retry_files_enabled = False',
    'interpreter_python = /usr/bin/python3',
    '',
    '[ssh_connection]',
    'pipelining = True',
    `ssh_args = -C -o ControlMaster=auto -o ControlPersist=60s -o BatchMode=yes -o StrictHostKeyChecking=yes -o UserKnownHostsFile=${knownHosts}`,
    `control_path_dir = ${controlDir}`,
    '',
  ].join('\n');
}

/** Per-host counts from Ansible's PLAY RECAP. */
export function parseRecap(stdout) {
  const hosts = {};
  for (const line of stdout.split('\n')) {
    const match = /^(\S+)\s+:\s+ok=(\d+)\s+changed=(\d+)\s+unreachable=(\d+)\s+failed=(\d+)/.exec(line);
    if (match) {
      hosts[match[1]] = { ok: +match[2], changed: +match[3], unreachable: +match[4], failed: +match[5] };
    }
  }
  return hosts;
}

let runCount = 0;

// Run the equivalent playbook cold (a fresh SSH control directory, as hfleet starts with no connection).
export async function ansibleRun({ workDir, inventory, forks, knownHosts }) {
  const controlDir = path.join(workDir, `cp-${++runCount}`);
  mkdirSync(controlDir, { recursive: true });
  const config = path.join(workDir, `ansible-${runCount}.cfg`);
  writeFileSync(config, ansibleConfig({ inventory, forks, knownHosts, controlDir }));
  const run = await timed(['ansible-playbook', ANSIBLE_PLAYBOOK], {
    env: { ANSIBLE_CONFIG: config, ANSIBLE_NOCOLOR: '1', ANSIBLE_LOCAL_TEMP: path.join(workDir, 'tmp') },
  });
  const recap = parseRecap(run.stdout);
  const bad = Object.entries(recap).filter(([, counts]) => counts.failed + counts.unreachable > 0);
  if (run.code !== 0 || bad.length > 0 || Object.keys(recap).length === 0) {
    throw new Error(
      `ansible-playbook failed (exit ${run.code}): ${run.stdout.slice(-3000)}${run.stderr.slice(-1000)}`,
    );
  }
  const changed = Object.values(recap).filter((counts) => counts.changed > 0).length;
  return { seconds: run.seconds, hosts: Object.keys(recap).length, changedHosts: changed, controlDir };
}

// Close the SSH control masters a run left behind (they would otherwise linger for ControlPersist).
export function closeControlMasters(controlDir) {
  spawnSync('sh', [
    '-c',
    `for s in "$1"/*; do [ -S "$s" ] && ssh -o ControlPath="$s" -O exit x >/dev/null 2>&1; done; true`,
    'sh',
    controlDir,
  ]);
}
