// Hostile inventories, playbooks and templates through the real CLI: exit 1, the bad value's path named, no SSH.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli-capture.js';
import { scratchDirForFile } from '../../support/scratch-dir.js';
import { generateKeyPair, startSshServer, type TestSshServer } from '../../support/ssh-server.js';
import { type HostileCase, type Target, writeCase } from './hostile-fixture.js';
import { INVENTORY_CASES } from './inventory-cases.js';
import { PLAYBOOK_CASES } from './playbook-cases.js';

let server: TestSshServer;
let target: Target;

beforeAll(async () => {
  const client = generateKeyPair();
  // Authentication is refused, so a run that does reach the server ends quickly (and is counted).
  server = await startSshServer({ authorizedKeys: [client.publicKey], refuseAuth: true });
  const dir = scratchDirForFile('hfleet-hostile-keys-');
  const identityFile = path.join(dir, 'id');
  writeFileSync(identityFile, client.privateKey, { mode: 0o600 });
  const knownHosts = path.join(dir, 'known_hosts');
  writeFileSync(knownHosts, `${server.knownHostsLine('127.0.0.1')}\n${server.knownHostsLine()}\n`);
  target = { port: server.port, identityFile, knownHosts };
});
afterAll(() => server.close());

const ALL: HostileCase[] = [...INVENTORY_CASES, ...PLAYBOOK_CASES];

describe('hostile input', () => {
  it('has at least 40 cases, each with a distinct name', () => {
    expect(ALL.length).toBeGreaterThanOrEqual(40);
    expect(new Set(ALL.map((hostile) => hostile.name)).size).toBe(ALL.length);
  });

  it.each(ALL.map((hostile) => [hostile.name, hostile] as const))(
    '%s: exit 1, one line naming the file and the path, no connection',
    async (_name, hostile) => {
      const files = writeCase(target, hostile);
      const connectionsBefore = server.record.connections;
      const run = await runCli(['apply', files.inventory, '--playbook', files.playbook, '--json']);
      expect(run.stderr).not.toMatch(/unexpected error/);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      const message = run.stderr.split('\n')[0] ?? '';
      expect(message).toMatch(/^hfleet: /);
      expect(message).toContain(hostile.path);
      const named = hostile.file === 'inventory' ? files.inventory : files.playbook;
      if (hostile.file !== 'template') expect(message).toContain(named);
      else expect(message).toContain('template t.service: ');
      expect(server.record.connections).toBe(connectionsBefore);
      if (process.env['HFLEET_SHOW_REFUSALS']) console.log(`${hostile.name} => ${message}`);
    },
  );

  it('the same files with nothing hostile do reach the host (the harness can see a connection)', async () => {
    const files = writeCase(target, { name: 'valid', file: 'inventory', path: '' });
    const before = server.record.connections;
    const run = await runCli(['apply', files.inventory, '--playbook', files.playbook, '--json']);
    expect(run.code).toBe(3);
    expect(JSON.parse(run.stdout).hosts[0]).toMatchObject({ status: 'unreachable', error_code: 'SSH_AUTH' });
    expect(server.record.connections).toBeGreaterThan(before);
  });
});
