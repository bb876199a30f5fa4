// Security on the lab: strict host keys (a changed key is refused before anything is sent), `off` only with a
// loud warning, no planted secret in any output, remote temp files 0600 until they are whole, files 0644 root.
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { resetLabHost } from '../../src/lab/index.js';
import type { LabState } from '../../src/lab/state.js';
import { describeWithLab, requireLabState } from './lab-context.js';
import { playbookWith } from './reliability/playbooks.js';
import { ensureBuilt, hfleet, hfleetChild, labInventory, onHost } from './support/fleet.js';

const HOSTS = ['acme-1', 'globex-1', 'initech-1'];
const ENV_FILE = '/opt/honeyframe/paas/backend/.env';
const LOCK_INFO = '/run/lock/hfleet.lock.info';

describeWithLab('security on the lab', () => {
  let lab: LabState;
  const planted = `planted-secret-${randomBytes(8).toString('hex')}`;

  beforeAll(async () => {
    ensureBuilt();
    lab = requireLabState();
    for (const host of HOSTS) await resetLabHost(host);
    for (const host of HOSTS)
      await onHost(host, `cp ${ENV_FILE} /run/env.orig; echo HUB_SECRET=${planted} >> ${ENV_FILE}`);
  });

  afterAll(async () => {
    for (const host of HOSTS) await onHost(host, `cp /run/env.orig ${ENV_FILE} 2>/dev/null || true`);
  });

  it('the lab inventory pins its own known_hosts with strict checking, matching every host key', async () => {
    const inventory = load(readFileSync('/var/lib/hfleet/lab/inventory.yml', 'utf8')) as {
      defaults: { ssh: Record<string, string> };
    };
    expect(inventory.defaults.ssh).toMatchObject({
      host_key_checking: 'strict',
      known_hosts: lab.knownHostsPath,
    });
    const pinned = readFileSync(lab.knownHostsPath, 'utf8');
    for (const host of lab.hosts.slice(0, 3)) {
      const key = (await onHost(host.name, 'cut -d" " -f1,2 /etc/ssh/ssh_host_ed25519_key.pub')).trim();
      expect(pinned).toContain(`${host.address} ${key}`);
    }
  });

  it('a changed host key is refused before anything is sent: HOST_KEY_MISMATCH, 0 bytes, no lock taken', async () => {
    await onHost(
      'acme-1',
      'mkdir -p /run/hf-keys && cp -a /etc/ssh/ssh_host_* /run/hf-keys/ && rm /etc/ssh/ssh_host_* && ssh-keygen -A >/dev/null && systemctl restart ssh',
    );
    try {
      await onHost('acme-1', `rm -f ${LOCK_INFO}`);
      const inventory = labInventory(lab);
      const run = hfleet(['apply', inventory, '--json']);
      expect(run.code).toBe(3);
      const acme = run.json.hosts.find((h: { host: string }) => h.host === 'acme-1');
      expect(acme).toMatchObject({ status: 'unreachable', error_code: 'HOST_KEY_MISMATCH' });
      expect(acme.error).toMatch(/^acme-1 \(10\.213\.1\.1\): host key SHA256:\S+ differs from /);
      expect(acme.stats).toEqual({ round_trips: 0, bytes_sent: 0 });
      expect((await onHost('acme-1', `test -e ${LOCK_INFO} && echo yes || echo no`)).trim()).toBe('no');
      expect(
        (await onHost('acme-1', 'test -e /var/log/hfleet/audit.log && echo yes || echo no')).trim(),
      ).toBe('no');
      expect(run.json.hosts.filter((h: { status: string }) => h.status === 'changed')).toHaveLength(2);
    } finally {
      await onHost('acme-1', 'cp -a /run/hf-keys/. /etc/ssh/ && systemctl restart ssh');
    }
  });

  it('host_key_checking off connects despite a wrong key, but only with a loud warning naming the host', async () => {
    const inventory = labInventory(lab, {}, [], 1);
    const offInventory = inventory.replace(/\.yml$/, '-off.yml');
    const text = readFileSync(inventory, 'utf8')
      .replace(/known_hosts: .*/, 'known_hosts: /dev/null')
      .replace('host_key_checking: strict', 'host_key_checking: "off"');
    writeFileSync(offInventory, text);
    for (const args of [['--json'], []]) {
      const run = hfleet(['apply', offInventory, ...args]);
      expect(run.code).toBe(0);
      expect(run.stderr).toMatch(
        /WARNING: host key checking is OFF for acme-1 \(10\.213\.1\.1\): accepted SHA256:/,
      );
    }
  });

  it('no planted secret (private key, .env contents) in apply, -v, --json, drift, status or the audit log', async () => {
    const keyBody = readFileSync(lab.keyPath, 'utf8').split('\n').slice(1, -2).join('');
    const keyFragments = keyBody.match(/.{20}/g) ?? [];
    expect(keyFragments.length).toBeGreaterThan(3);
    const inventory = labInventory(lab, { acme: { vars: { memory_max: '777M' } } });
    const outputs = [
      hfleet(['apply', inventory, '-v']),
      hfleet(['apply', labInventory(lab), '--json', '--diff']),
      hfleet(['apply', inventory, '--check', '--diff', '-v']),
      hfleet(['drift', inventory, '--json']),
      hfleet(['drift', inventory, '-v']),
      hfleet(['status', inventory, '--json']),
    ];
    for (const run of outputs) {
      const text = run.stdout + run.stderr;
      expect(text.length).toBeGreaterThan(0);
      expect(text).not.toContain(planted);
      for (const fragment of keyFragments) expect(text).not.toContain(fragment);
    }
    for (const host of HOSTS) {
      const audit = await onHost(host, 'cat /var/log/hfleet/audit.log');
      expect(audit).not.toContain(planted);
      expect(await onHost(host, `cat ${LOCK_INFO}`)).not.toContain(planted);
    }
  });

  it('remote temp files are 0600 root until whole, then every managed file is 0644 root:root', async () => {
    const blob = `${'y'.repeat(99)}\n`.repeat(300_000);
    const playbook = playbookWith(
      '  - name: big file\n    file: { dest: /etc/honeyframe/blob.txt, template: templates/blob.txt }\n',
      { 'blob.txt': blob },
    );
    const watcher = onHost(
      'globex-1',
      `end=$(( $(date +%s) + 40 )); seen=0
       while [ $(date +%s) -lt $end ]; do
         for f in /etc/honeyframe/.hfleet.*; do [ -e "$f" ] && stat -c '%a %U:%G' "$f" && seen=1; done
         [ -e /etc/honeyframe/blob.txt ] && break
       done 2>/dev/null; true`,
    );
    const child = hfleetChild(['apply', labInventory(lab), '--limit', 'globex', '--playbook', playbook]);
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    const modes = (await watcher).trim().split('\n').filter(Boolean);
    expect(modes.length).toBeGreaterThan(0);
    for (const mode of modes) expect(['600 root:root', '644 root:root']).toContain(mode);
    expect(modes[0]).toBe('600 root:root');
    const files = await onHost(
      'globex-1',
      "stat -c '%a %U:%G %n' /etc/honeyframe/blob.txt /etc/systemd/system/hub-*.service /etc/systemd/system/dbt-run.*",
    );
    for (const line of files.trim().split('\n')) expect(line).toMatch(/^644 root:root \//);
    await onHost('globex-1', 'rm -f /etc/honeyframe/blob.txt');
  });
});
