import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli-capture.js';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hfleet-hosts-'));
  writeFileSync(
    join(dir, 'inventory.yml'),
    'customers:\n  acme:\n    hosts:\n      acme-1: { address: acme-prod }\n      acme-2: { address: 10.0.0.2, user: deploy }\n      acme-3: { address: broken }\n',
  );
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

function config(text: string): string {
  const file = join(dir, 'ssh_config');
  writeFileSync(file, text);
  return file;
}

describe('hfleet hosts', () => {
  it('prints each host resolved, with where each value came from, and connects to nothing', async () => {
    const file = config(
      [
        'Host acme-prod',
        '  HostName 203.0.113.10',
        '  User ops',
        '  ProxyJump jumper@bastion',
        'Host bastion',
        '  HostName 198.51.100.1',
        '  Port 2200',
        'Host broken',
        '  HostName -oProxyCommand=x',
      ].join('\n'),
    );
    const result = await runCli(['hosts', join(dir, 'inventory.yml'), '--ssh-config', file, '--json']);
    const [one, two, three] = JSON.parse(result.stdout).hosts;
    expect(one).toMatchObject({ host: 'acme-1', address: '203.0.113.10', user: 'ops', transport: 'ssh2' });
    expect(one.origins).toMatchObject({ address: `${file}:2`, user: `${file}:3`, port: 'default' });
    expect(one.jumps).toMatchObject([
      { host: 'bastion', address: '198.51.100.1', port: 2200, user: 'jumper' },
    ]);
    expect(two).toMatchObject({ user: 'deploy', jumps: [], error: null });
    expect(two.origins.user).toBe('inventory');
    expect(three.error).toBe(`${file}:9: HostName '-oproxycommand=x' is not an IP address or DNS name`);
    expect(result.code).toBe(1);
  });

  it('shows the transport --transport chose, in the human table too', async () => {
    const result = await runCli([
      'hosts',
      join(dir, 'inventory.yml'),
      '--ssh-config',
      config(''),
      '--transport',
      'openssh',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('acme-1 (acme) via openssh');
    expect(result.stdout).toContain('route        direct');
  });

  it('refuses a config ssh cannot read: exit 1, one FILE:LINE line, no stack', async () => {
    const file = config('Host x\n  User "unclosed\n');
    const result = await runCli(['hosts', join(dir, 'inventory.yml'), '--ssh-config', file, '--json']);
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n')[0]).toBe(`hfleet: ${file}:2: invalid quotes`);
    expect(result.stderr).not.toContain('    at ');
  });
});
