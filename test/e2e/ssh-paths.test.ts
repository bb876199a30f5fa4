// Every route and auth path the ssh config can give, on real hosts: a two-hop ProxyJump chain with a user and a
// key per hop (each hop's host key checked), a ProxyCommand (`ssh -W`), an agent-only key chosen by a `.pub`
// IdentityFile, and the OpenSSH transport giving the same results as ssh2. Keys are authorized with `from=`
// the address the connection must come from, so a host reached directly (a hop skipped) is refused.
// Users, keys and authorized_keys added to the hosts go with a reset of the hosts after the file.
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dump } from 'js-yaml';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { resetLabHost } from '../../src/lab/index.js';
import type { LabState } from '../../src/lab/state.js';
import { scratchDirForFile } from '../support/scratch-dir.js';
import { generateKeyPair } from '../support/ssh-server.js';
import { describeWithLab, requireLabState } from './lab-context.js';
import { ensureBuilt, hfleet, onHost } from './support/fleet.js';

const NO_AGENT = { SSH_AUTH_SOCK: '' };

describeWithLab('ssh config routes and auth paths on the lab', () => {
  let lab: LabState;
  let dir: string;
  const address = (name: string) => lab.hosts.find((host) => host.name === name)!.address;
  const touched = new Set<string>();

  // A fresh key pair on disk (private 0600, `.pub` beside it); returns the private key's path.
  function newKey(name: string): { file: string; publicKey: string } {
    const pair = generateKeyPair();
    const file = path.join(dir, name);
    writeFileSync(file, pair.privateKey, { mode: 0o600 });
    writeFileSync(`${file}.pub`, `${pair.publicKey} ${name}\n`);
    return { file, publicKey: pair.publicKey };
  }

  // Authorize `publicKey` for `user` on `host` (made if missing), only from `from` when given.
  async function authorize(host: string, user: string, publicKey: string, from?: string): Promise<void> {
    touched.add(host);
    const line = `${from ? `from="${from}" ` : ''}${publicKey}`;
    const home = user === 'root' ? '/root' : `/home/${user}`;
    await onHost(
      host,
      [
        user === 'root' ? 'true' : `id ${user} >/dev/null 2>&1 || useradd -m -s /bin/sh ${user}`,
        `install -d -m 700 -o ${user} -g ${user} ${home}/.ssh`,
        `printf '%s\\n' '${line}' >> ${home}/.ssh/authorized_keys`,
        `chown ${user}:${user} ${home}/.ssh/authorized_keys`,
        `chmod 600 ${home}/.ssh/authorized_keys`,
      ].join(' && '),
    );
  }

  // An inventory of lab hosts that leaves user and keys to the ssh config (known_hosts pinned to the lab's).
  function inventoryOf(names: string[], ssh: Record<string, string> = {}): string {
    const customers: Record<string, unknown> = {};
    for (const name of names) {
      const host = lab.hosts.find((entry) => entry.name === name)!;
      customers[host.customer] = { hosts: { [host.name]: { address: host.address } } };
    }
    const file = path.join(dir, `inventory-${names.join('-')}.yml`);
    writeFileSync(
      file,
      dump({
        defaults: { ssh: { known_hosts: lab.knownHostsPath, host_key_checking: 'strict', ...ssh } },
        customers,
      }),
    );
    return file;
  }

  function sshConfig(name: string, lines: string[]): string {
    const file = path.join(dir, name);
    writeFileSync(file, `${lines.join('\n')}\n`, { mode: 0o600 });
    return file;
  }

  beforeAll(() => {
    ensureBuilt();
    lab = requireLabState();
    dir = scratchDirForFile('hfleet-ssh-paths-');
  });

  afterAll(async () => {
    for (const host of touched) await resetLabHost(host);
  }, 300_000);

  it('two-hop ProxyJump, a user and key per hop, each hop checked: apply and drift reach the target through it', async () => {
    const [first, second, target] = ['acme-1', 'globex-1', 'initech-1'];
    const k1 = newKey('hop1-key');
    const k2 = newKey('hop2-key');
    const k3 = newKey('target-key');
    await authorize(first, 'hopone', k1.publicKey);
    await authorize(second, 'hoptwo', k2.publicKey, address(first));
    await authorize(target, 'root', k3.publicKey, address(second));
    const hop = (alias: string, host: string, user: string, key: string, knownHosts: string) => [
      `Host ${alias}`,
      `  HostName ${address(host)}`,
      `  User ${user}`,
      `  IdentityFile ${key}`,
      '  IdentitiesOnly yes',
      `  UserKnownHostsFile ${knownHosts}`,
      '  StrictHostKeyChecking yes',
    ];
    const chain = (knownHostsOfSecond: string) => [
      `Host ${address(target)}`,
      '  User root',
      `  IdentityFile ${k3.file}`,
      '  IdentitiesOnly yes',
      '  ProxyJump hop-a,hop-b',
      ...hop('hop-a', first, 'hopone', k1.file, lab.knownHostsPath),
      ...hop('hop-b', second, 'hoptwo', k2.file, knownHostsOfSecond),
    ];
    const config = sshConfig('chain.conf', chain(lab.knownHostsPath));
    const inventory = inventoryOf([target]);

    const hosts = hfleet(['hosts', inventory, '--ssh-config', config, '--json'], NO_AGENT);
    expect(hosts.code).toBe(0);
    expect(hosts.json.hosts[0].jumps.map((j: { user: string }) => j.user)).toEqual(['hopone', 'hoptwo']);

    for (const transport of ['ssh2', 'openssh']) {
      const apply = hfleet(
        ['apply', inventory, '--ssh-config', config, '--transport', transport, '--json'],
        NO_AGENT,
      );
      expect(apply.code, apply.stderr).toBe(0);
      expect(apply.json.summary.failed + apply.json.summary.unreachable).toBe(0);
      const drift = hfleet(
        ['drift', inventory, '--ssh-config', config, '--transport', transport, '--json'],
        NO_AGENT,
      );
      expect(drift.code, drift.stderr).toBe(0);
      expect(drift.json.summary).toMatchObject({ hosts: 1, clean: 1 });
    }

    // The second hop's host key unknown to its own known_hosts: the target is not reached.
    const empty = path.join(dir, 'empty_known_hosts');
    writeFileSync(empty, '');
    const unchecked = sshConfig('chain-unknown-hop.conf', chain(empty));
    const refused = hfleet(['drift', inventory, '--ssh-config', unchecked, '--json'], NO_AGENT);
    expect(refused.code).toBe(3);
    expect(refused.json.hosts[0]).toMatchObject({ status: 'unreachable', error_code: 'HOST_KEY_UNKNOWN' });
    expect(refused.json.hosts[0].error).toContain(address(second));
  }, 240_000);

  it('ProxyCommand `ssh -W %h:%p bastion`: apply and drift through it, its stderr under -v', async () => {
    const [bastion, target] = ['acme-1', 'globex-1'];
    const key = newKey('proxied-key');
    await authorize(target, 'root', key.publicKey, address(bastion));
    const proxy = [
      `echo proxy-for-%h >&2; exec ssh -F /dev/null -o BatchMode=yes -o StrictHostKeyChecking=yes`,
      `-o UserKnownHostsFile=${lab.knownHostsPath} -i ${lab.keyPath} -W %h:%p root@${address(bastion)}`,
    ].join(' ');
    const config = sshConfig('proxy.conf', [
      `Host ${address(target)}`,
      '  User root',
      `  IdentityFile ${key.file}`,
      '  IdentitiesOnly yes',
      `  ProxyCommand sh -c '${proxy}'`,
    ]);
    const inventory = inventoryOf([target]);
    const apply = hfleet(['apply', inventory, '--ssh-config', config, '--json'], NO_AGENT);
    expect(apply.code, apply.stderr).toBe(0);
    const drift = hfleet(['drift', inventory, '--ssh-config', config, '--json', '-v'], NO_AGENT);
    expect(drift.code, drift.stderr).toBe(0);
    expect(drift.stderr.split('\n')).toContain(`${target}: ProxyCommand: proxy-for-${address(target)}`);
    const openssh = hfleet(
      ['drift', inventory, '--ssh-config', config, '--transport', 'openssh', '--json'],
      NO_AGENT,
    );
    expect(openssh.code, openssh.stderr).toBe(0);
  }, 240_000);

  it('an agent-only key chosen by a `.pub` IdentityFile (IdentityAgent), refused once the agent forgets it', async () => {
    const target = 'initech-1';
    const key = newKey('agent-key');
    const socket = path.join(dir, 'agent.sock');
    const started = spawnSync('ssh-agent', ['-s', '-a', socket], { encoding: 'utf8' });
    expect(started.status, started.stderr).toBe(0);
    const pid = Number(/SSH_AGENT_PID=(\d+)/.exec(started.stdout)?.[1]);
    try {
      const added = spawnSync('ssh-add', [key.file], {
        encoding: 'utf8',
        env: { ...process.env, SSH_AUTH_SOCK: socket },
      });
      expect(added.status, added.stderr).toBe(0);
      rmSync(key.file); // only the .pub stays on disk
      await authorize(target, 'root', key.publicKey);
      const config = sshConfig('agent.conf', [
        `Host ${address(target)}`,
        '  User root',
        `  IdentityFile ${key.file}.pub`,
        '  IdentitiesOnly yes',
        `  IdentityAgent ${socket}`,
      ]);
      const inventory = inventoryOf([target]);
      for (const transport of ['ssh2', 'openssh']) {
        const apply = hfleet(
          ['apply', inventory, '--ssh-config', config, '--transport', transport, '--json'],
          NO_AGENT,
        );
        expect(apply.code, apply.stderr).toBe(0);
      }
      spawnSync('ssh-add', ['-D'], { env: { ...process.env, SSH_AUTH_SOCK: socket } });
      const refused = hfleet(['drift', inventory, '--ssh-config', config, '--json'], NO_AGENT);
      expect(refused.code).toBe(3);
      expect(refused.json.hosts[0].error_code).toBe('SSH_AUTH');
    } finally {
      if (pid > 0) process.kill(pid);
      rmSync(socket, { force: true });
    }
  }, 240_000);

  it('the OpenSSH transport: apply, drift, restart and logs give what ssh2 gives', async () => {
    const names = lab.hosts.slice(0, 3).map((host) => host.name);
    for (const name of names) touched.add(name);
    const inventory = inventoryOf(names, { user: 'root', identity_file: lab.keyPath });
    const run = (transport: string, args: string[]) =>
      hfleet([...args, '--transport', transport, '--json'], NO_AGENT);
    // Converge with ssh2; then a no-change apply and a clean drift over each transport.
    expect(run('ssh2', ['apply', inventory]).code).toBe(0);
    for (const transport of ['openssh', 'ssh2']) {
      const apply = run(transport, ['apply', inventory]);
      expect(apply.code, apply.stderr).toBe(0);
      expect(apply.json.summary).toEqual({ ok: 3, changed: 0, failed: 0, unreachable: 0 });
      expect(apply.json.stats.round_trips_max).toBe(1);
      const drift = run(transport, ['drift', inventory]);
      expect(drift.code).toBe(0);
      expect(drift.json.summary).toMatchObject({ hosts: 3, clean: 3 });
    }
    // A service stopped by hand: both transports find the same; openssh's apply repairs it.
    await onHost('acme-1', 'systemctl stop hub-cloud.service');
    const findings = (transport: string) => {
      const drift = run(transport, ['drift', inventory, '--limit', 'acme-1']);
      const found = drift.json.hosts[0].findings as { kind: string; unit?: string }[];
      return { code: drift.code, found: found.map((f) => `${f.kind} ${f.unit}`) };
    };
    const bySsh2 = findings('ssh2');
    expect(bySsh2.code).toBe(2);
    expect(bySsh2.found.length).toBeGreaterThan(0);
    expect(findings('openssh')).toEqual(bySsh2);
    const repair = run('openssh', ['apply', inventory, '--limit', 'acme-1']);
    expect(repair.code).toBe(0);
    expect(repair.json.summary.changed).toBe(1);
    expect(findings('openssh')).toEqual({ code: 0, found: [] });
    // restart: the same service restarted, the same exit; logs: the same lines' shape.
    const restarted = (transport: string) => {
      const args = ['restart', inventory, '--limit', 'globex-1', '--services', 'hub-cloud', '--settle', '1'];
      const restart = run(transport, args);
      return {
        code: restart.code,
        restarted: restart.json.hosts.map((h: { restarted: string[] }) => h.restarted),
      };
    };
    expect(restarted('openssh')).toEqual({ code: 0, restarted: [['hub-cloud.service']] });
    expect(restarted('ssh2')).toEqual({ code: 0, restarted: [['hub-cloud.service']] });
    for (const transport of ['openssh', 'ssh2']) {
      const args = [
        'logs',
        inventory,
        'hub-cloud',
        '-n',
        '3',
        '--limit',
        'globex-1',
        '--transport',
        transport,
      ];
      const logs = hfleet(args, NO_AGENT);
      expect(logs.code, logs.stderr).toBe(0);
      const lines = logs.stdout.split('\n').filter(Boolean);
      expect(lines).toHaveLength(3);
      expect(lines.every((line) => line.startsWith('globex-1 | '))).toBe(true);
    }
  }, 300_000);
});
