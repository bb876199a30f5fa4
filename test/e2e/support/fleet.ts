// End-to-end helpers: lab inventories with per-customer settings, running the real CLI, reading hosts.
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { dump } from 'js-yaml';
import { labExec, resetLabHost } from '../../../src/lab/index.js';
import type { LabState } from '../../../src/lab/state.js';
import { scratchDirForFile } from '../../support/scratch-dir.js';
import { requireLabState } from '../lab-context.js';

const BIN = path.resolve(import.meta.dirname, '../../../bin/hfleet.js');

/** Per-customer additions to the lab inventory. */
export interface CustomerSettings {
  displayName?: string;
  vars?: Record<string, unknown>;
  ssh?: Record<string, unknown>;
}

/** A host added beside the lab's own (e.g. one that points at nothing). */
export interface ExtraCustomer extends CustomerSettings {
  id: string;
  host: string;
  address: string;
}

// Write an inventory of the first `count` lab hosts with these settings; returns its path.
export function labInventory(
  lab: LabState,
  settings: Record<string, CustomerSettings> = {},
  extra: ExtraCustomer[] = [],
  count = 3,
): string {
  const customers: Record<string, unknown> = {};
  for (const host of lab.hosts.slice(0, count)) {
    const own = settings[host.customer] ?? {};
    customers[host.customer] = {
      display_name: own.displayName ?? host.displayName,
      ...(own.vars ? { vars: own.vars } : {}),
      ...(own.ssh ? { ssh: own.ssh } : {}),
      hosts: { [host.name]: { address: host.address } },
    };
  }
  for (const customer of extra) {
    customers[customer.id] = {
      ...(customer.vars ? { vars: customer.vars } : {}),
      ...(customer.ssh ? { ssh: customer.ssh } : {}),
      hosts: { [customer.host]: { address: customer.address } },
    };
  }
  const inventory = {
    defaults: {
      ssh: {
        user: 'root',
        identity_file: lab.keyPath,
        known_hosts: lab.knownHostsPath,
        host_key_checking: 'strict',
      },
      vars: { health_timeout: 30 },
    },
    customers,
  };
  const file = path.join(scratchDirForFile('hfleet-e2e-'), 'inventory.yml');
  writeFileSync(file, dump(inventory));
  return file;
}

/** What one CLI run produced. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  // biome-ignore lint/suspicious/noExplicitAny: the JSON documents are checked field by field in tests
  json: any;
}

// Run the built CLI (`bin/hfleet.js`) with these arguments and wait for it.
export function hfleet(args: string[], env: Record<string, string> = {}): CliRun {
  const run = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
    timeout: 240_000,
  });
  let json: unknown;
  try {
    json = args.includes('--json') ? JSON.parse(run.stdout) : undefined;
  } catch {
    json = undefined;
  }
  return { code: run.status, stdout: run.stdout, stderr: run.stderr, json };
}

// Start the CLI without waiting (for tests that kill it mid-run).
export function hfleetChild(args: string[]) {
  return spawn(process.execPath, [BIN, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
}

// Run a script inside a lab host; throws when it fails; resolves to stdout.
export async function onHost(host: string, script: string): Promise<string> {
  const result = await labExec(host, script);
  if (result.code !== 0) throw new Error(`${host}: ${script}\nexit ${result.code}: ${result.stderr}`);
  return result.stdout;
}

// `systemctl show` properties of a unit on a lab host.
export async function showUnit(
  host: string,
  unit: string,
  properties: string[],
): Promise<Record<string, string>> {
  const out = await onHost(host, `systemctl show -p ${properties.join(',')} ${unit}`);
  return Object.fromEntries(
    out
      .trim()
      .split('\n')
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

// MainPID of each unit on a host.
export async function mainPids(host: string, units: string[]): Promise<Record<string, string>> {
  const pids: Record<string, string> = {};
  for (const unit of units) pids[unit] = (await showUnit(host, unit, ['MainPID']))['MainPID'] ?? '';
  return pids;
}

// The HTTP status of a health endpoint, asked on the host itself.
export async function healthCode(host: string, port: number): Promise<string> {
  return (
    await onHost(
      host,
      `curl -s -o /dev/null -w '%{http_code}' -m 3 http://localhost:${port}/api/health || true`,
    )
  ).trim();
}

// Whether the local build is present (e2e tests run the built CLI).
export function ensureBuilt(): void {
  const root = path.resolve(import.meta.dirname, '../../..');
  const build = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`build failed: ${build.stdout}${build.stderr}`);
}

// The running lab with `hosts` reset to their first state, and the CLI built: where a test file's setup starts.
export async function freshLab(hosts: readonly string[]): Promise<LabState> {
  ensureBuilt();
  const lab = requireLabState();
  for (const host of hosts) await resetLabHost(host);
  return lab;
}
