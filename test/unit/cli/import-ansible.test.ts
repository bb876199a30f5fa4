import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadInventory } from '../../../src/inventory/load.js';
import { runCli } from '../../support/cli-capture.js';

const INI = `[web]
acme-web ansible_host=10.0.0.5 ansible_port=2222 ansible_user=deploy
globex-web ansible_host=10.0.0.6 color=blue

[web:vars]
ansible_python_interpreter=/usr/bin/python3
`;

const dirs: string[] = [];
function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hfleet-import-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('hfleet import-ansible', () => {
  it('prints an inventory hfleet loads, and reports what it could not map on stderr', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'hosts.ini'), INI);
    const out = join(dir, 'inventory.yml');
    const result = await runCli(['import-ansible', join(dir, 'hosts.ini'), '--out', out]);
    expect(result.code).toBe(0);
    const inventory = loadInventory(out);
    const acme = inventory.hosts.find((host) => host.name === 'acme-web');
    expect(acme).toMatchObject({ address: '10.0.0.5', ssh: { port: 2222, user: 'deploy' } });
    expect(result.stderr).toContain('ansible_python_interpreter');
    expect(readFileSync(out, 'utf8')).toContain('acme-web');
  });

  it('says group_vars/ beside the file is not read, and counts that note', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'hosts.ini'), '[web]\nweb1 ansible_host=10.0.0.7 ansible_user=ops\n');
    mkdirSync(join(dir, 'group_vars'));
    writeFileSync(join(dir, 'group_vars', 'all.yml'), 'ansible_port: 2222\n');
    const result = await runCli(['import-ansible', join(dir, 'hosts.ini')]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^note: group_vars\/ beside .* not read/m);
    expect(result.stderr).toMatch(/; 0 refused; 1 note\(s\)$/m);
  });

  it('takes --user and --customer-from, prints refused hosts and the customer summary', async () => {
    const dir = scratch();
    const source = join(dir, 'hosts');
    writeFileSync(
      source,
      '[acme]\nacme-1\nacme-2\n[all:children]\nacme\n[local]\nlocalhost ansible_connection=local\n',
    );
    const out = join(dir, 'inventory.yml');
    const result = await runCli([
      'import-ansible',
      source,
      '--out',
      out,
      '--user',
      'ops',
      '--customer-from',
      'host-pattern:^([a-z]+)-',
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('refused: localhost: ansible_connection=local');
    expect(result.stderr).toMatch(
      /customers from the host name matched by .*: 2 host\(s\) in 1 customer\(s\)/,
    );
    const inventory = loadInventory(out);
    expect(inventory.hosts.map((host) => [host.customer, host.name, host.ssh.user])).toEqual([
      ['acme', 'acme-1', 'ops'],
      ['acme', 'acme-2', 'ops'],
    ]);
  });

  it('exits 1 naming the option when --customer-from is malformed', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'hosts'), 'web1\n');
    const result = await runCli(['import-ansible', join(dir, 'hosts'), '--customer-from', 'host-pattern:(']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--customer-from host-pattern:(: not a regular expression');
  });

  it('exits 1 with the file named when the source cannot be read', async () => {
    const result = await runCli(['import-ansible', '/nonexistent/hosts.ini']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('/nonexistent/hosts.ini');
  });
});

describe('hfleet completion', () => {
  it('prints a bash completion script that bash can parse', async () => {
    const result = await runCli(['completion', '--shell', 'bash']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/complete .*hfleet/);
    const { spawnSync } = await import('node:child_process');
    const dir = scratch();
    writeFileSync(join(dir, 'c.bash'), result.stdout);
    expect(spawnSync('bash', ['-n', join(dir, 'c.bash')]).status).toBe(0);
  });
});
