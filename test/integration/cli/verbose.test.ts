// `-v` prints the transport's per-host notes on stderr, each line prefixed by the host: a ProxyCommand's stderr
// and an IdentityFile skipped because it is missing; without `-v` neither is printed.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli-capture.js';
import { scratchDir } from '../../support/scratch-dir.js';
import { generateKeyPair } from '../../support/ssh-server.js';

// An inventory of one host whose ssh config names a missing key, then a real one, and a ProxyCommand that
// says something on stderr and fails (so nothing is reached, and nothing needs to listen).
function fleet(): { inventory: string; config: string; missing: string } {
  const dir = scratchDir();
  const key = join(dir, 'id_ed25519');
  writeFileSync(key, generateKeyPair().privateKey, { mode: 0o600 });
  const missing = join(dir, 'no-such-key');
  const config = join(dir, 'ssh_config');
  writeFileSync(
    config,
    [
      'Host acme-box',
      '  HostName 127.0.0.1',
      `  IdentityFile ${missing}`,
      `  IdentityFile ${key}`,
      `  UserKnownHostsFile ${join(dir, 'known_hosts')}`,
      "  ProxyCommand sh -c 'echo proxy-note-%h >&2; exit 7'",
      '',
    ].join('\n'),
  );
  const inventory = join(dir, 'inventory.yml');
  writeFileSync(inventory, 'customers:\n  acme:\n    hosts:\n      acme-1: { address: acme-box }\n');
  return { inventory, config, missing };
}

describe('-v', () => {
  it.each([['drift'], ['apply'], ['status'], ['restart']])(
    '%s -v prints the ProxyCommand stderr and the skipped identity file, prefixed by the host',
    async (command) => {
      const { inventory, config, missing } = fleet();
      const quiet = await runCli([command, inventory, '--ssh-config', config, '--json']);
      const loud = await runCli([command, inventory, '--ssh-config', config, '--json', '-v']);
      expect(loud.code).toBe(quiet.code);
      expect(loud.code).not.toBe(0);
      expect(loud.stderr.split('\n')).toEqual(
        expect.arrayContaining([
          `acme-1: identity file ${missing} (missing) skipped`,
          'acme-1: ProxyCommand: proxy-note-127.0.0.1',
        ]),
      );
      expect(quiet.stderr).not.toContain('proxy-note');
      expect(quiet.stderr).not.toContain(`identity file ${missing} skipped`);
    },
  );

  // ssh itself sends a ProxyCommand's stderr to /dev/null under ControlPersist; what ssh says is printed.
  it('prints what the system ssh said while connecting, with --transport openssh', async () => {
    const { inventory, config } = fleet();
    const args = ['drift', inventory, '--ssh-config', config, '--transport', 'openssh', '--json'];
    const quiet = await runCli(args);
    const loud = await runCli([...args, '-v']);
    expect(loud.code).not.toBe(0);
    expect(loud.stderr.split('\n').filter((line) => line.startsWith('acme-1: ssh: ')).length).toBeGreaterThan(
      0,
    );
    expect(quiet.stderr).not.toContain('acme-1: ssh: ');
  });
});
