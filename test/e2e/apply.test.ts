// `hfleet apply` against real systemd + sshd hosts: converge, idempotence, targeted restarts, faults, a kill.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { resetLabHost } from '../../src/lab/index.js';
import type { LabState } from '../../src/lab/state.js';
import { scratchDirForFile } from '../support/scratch-dir.js';
import { generateKeyPair } from '../support/ssh-server.js';
import { describeWithLab, requireLabState } from './lab-context.js';
import {
  ensureBuilt,
  healthCode,
  hfleet,
  hfleetChild,
  labInventory,
  mainPids,
  onHost,
  showUnit,
} from './support/fleet.js';

const API = ['hub-platform.service', 'hub-cloud.service'];
const SHOWN = ['MemoryMax', 'User', 'Group', 'PrivateTmp', 'KillMode', 'TimeoutStopUSec'];
const ER_LIMITS = '/etc/systemd/system/hub-platform.service.d/er-limits.conf';

describeWithLab('hfleet apply on the lab', () => {
  let lab: LabState;
  let inventory: string;
  let erLimitsBefore: string;
  let settings: Record<string, { vars: Record<string, unknown> }> = {
    globex: { vars: { run_as: 'honeyframe', memory_max: '900M' } },
    initech: { vars: { private_tmp: true } },
  };

  beforeAll(async () => {
    ensureBuilt();
    lab = requireLabState();
    for (const host of lab.hosts.slice(0, 3)) await resetLabHost(host.name);
    erLimitsBefore = await onHost('acme-1', `cat ${ER_LIMITS}`);
    inventory = labInventory(lab, settings);
  });

  it('converges three differently configured hosts: units, drop-ins, user, health', async () => {
    const run = hfleet(['apply', inventory, '--json']);
    expect(run.stderr).not.toMatch(/unexpected error/);
    expect(run.code).toBe(0);
    expect(run.json.summary).toEqual({ ok: 0, changed: 3, failed: 0, unreachable: 0 });
    expect(run.json.hosts.map((h: { restarted: string[] }) => h.restarted.slice(0, 2))).toEqual([
      API,
      API,
      API,
    ]);

    expect(await showUnit('acme-1', 'hub-platform.service', SHOWN)).toMatchObject({
      MemoryMax: '1572864000',
      User: 'root',
      PrivateTmp: 'no',
      KillMode: 'control-group',
    });
    expect(await showUnit('globex-1', 'hub-platform.service', SHOWN)).toMatchObject({
      MemoryMax: '943718400',
      User: 'honeyframe',
      Group: 'honeyframe',
      KillMode: 'mixed',
      TimeoutStopUSec: '15s',
    });
    expect(await showUnit('initech-1', 'hub-cloud.service', SHOWN)).toMatchObject({
      PrivateTmp: 'yes',
      User: 'root',
    });
    const pid = (await mainPids('globex-1', ['hub-platform.service']))['hub-platform.service'];
    expect((await onHost('globex-1', `ps -o user= -p ${pid}`)).trim()).toBe('honeyframe');
    expect(
      (await onHost('globex-1', 'stat -c %U:%G /opt/honeyframe /data/honeyframe')).trim().split('\n'),
    ).toEqual(['honeyframe:honeyframe', 'honeyframe:honeyframe']);
    expect(await onHost('acme-1', `cat ${ER_LIMITS}`)).toBe(erLimitsBefore);
    for (const host of ['acme-1', 'globex-1', 'initech-1']) {
      expect(await healthCode(host, 8001)).toBe('200');
      expect(await healthCode(host, 8002)).toBe('200');
    }
  });

  it('changes nothing and restarts nothing on a second run, in one round trip per host', async () => {
    const before = await mainPids('acme-1', API);
    const auditBefore = await onHost('acme-1', 'wc -l < /var/log/hfleet/audit.log');
    const junit = path.join(scratchDirForFile('hfleet-e2e-junit-'), 'apply.xml');
    const run = hfleet(['apply', inventory, '--json', '--output', 'junit', junit]);
    expect(run.code).toBe(0);
    expect(run.json.summary).toEqual({ ok: 3, changed: 0, failed: 0, unreachable: 0 });
    expect(readFileSync(junit, 'utf8')).toMatch(/<testsuite name="hfleet apply" tests="3" failures="0"/);
    for (const host of run.json.hosts) {
      expect(host).toMatchObject({ status: 'ok', changes: [], restarted: [] });
      expect(host.stats.round_trips).toBeLessThanOrEqual(2);
    }
    expect(await mainPids('acme-1', API)).toEqual(before);
    expect(await onHost('acme-1', 'wc -l < /var/log/hfleet/audit.log')).toBe(auditBefore);
  });

  it('works through a non-root login user with sudo (become), still in one round trip', async () => {
    const viaSudo = labInventory(lab, { ...settings, acme: { ssh: { user: 'deploy', become: true } } });
    const run = hfleet(['apply', viaSudo, '--limit', 'acme', '--json']);
    expect(run.stderr).not.toMatch(/unexpected error/);
    expect(run.json.hosts[0]).toMatchObject({ host: 'acme-1', status: 'ok', error: null });
    expect(run.json.hosts[0].stats.round_trips).toBe(1);
  });

  it("restarts only the changed customer's affected services when its memory_max changes", async () => {
    const globexBefore = await mainPids('globex-1', API);
    const acmeBefore = await mainPids('acme-1', [...API, 'hub-scheduler.service']);
    settings = { ...settings, acme: { vars: { memory_max: '800M' } } };
    const changed = labInventory(lab, settings);
    const run = hfleet(['apply', changed, '--json']);
    expect(run.code).toBe(0);
    const [acme, globex, initech] = run.json.hosts;
    expect(acme.changes).toEqual([
      { task: 'dropin', path: '/etc/systemd/system/hub-platform.service.d/local.conf', action: 'created' },
      { task: 'dropin', path: '/etc/systemd/system/hub-cloud.service.d/local.conf', action: 'created' },
    ]);
    expect(acme.restarted).toEqual(API);
    expect([globex.status, initech.status]).toEqual(['ok', 'ok']);
    expect(await mainPids('globex-1', API)).toEqual(globexBefore);
    const acmeAfter = await mainPids('acme-1', [...API, 'hub-scheduler.service']);
    expect(acmeAfter['hub-platform.service']).not.toBe(acmeBefore['hub-platform.service']);
    expect(acmeAfter['hub-scheduler.service']).toBe(acmeBefore['hub-scheduler.service']);
    expect((await showUnit('acme-1', 'hub-platform.service', ['MemoryMax']))['MemoryMax']).toBe('838860800');
    inventory = changed;
  });

  it('with --check on a fresh host, reports what would change and writes nothing', async () => {
    await resetLabHost('initech-1');
    const run = hfleet(['apply', inventory, '--limit', 'initech', '--check', '--diff', '--json']);
    expect(run.code).toBe(0);
    const [host] = run.json.hosts;
    expect(host.status).toBe('changed');
    expect(host.changes).toContainEqual({
      task: 'unit',
      path: '/etc/systemd/system/hub-platform.service',
      action: 'created',
    });
    expect(host.diffs.find((d: { path: string }) => d.path.endsWith('hub-platform.service')).diff).toContain(
      '+Description=Honeyframe Platform API — Initech',
    );
    expect(
      (await onHost('initech-1', 'ls /etc/systemd/system/hub-*.service 2>/dev/null | wc -l')).trim(),
    ).toBe('0');
    expect(
      (await onHost('initech-1', 'test -e /var/log/hfleet/audit.log && echo yes || echo no')).trim(),
    ).toBe('no');
    expect(hfleet(['apply', inventory, '--limit', 'initech', '--json']).code).toBe(0);
  });

  it('isolates unreachable, wrong-key and failing-auth hosts: the others converge, exit 3, nothing sent to the impostor', async () => {
    const dir = scratchDirForFile('hfleet-e2e-keys-');
    const wrongKnownHosts = path.join(dir, 'known_hosts');
    writeFileSync(wrongKnownHosts, `10.213.1.2 ${generateKeyPair().publicKey}\n`);
    const strangerKey = path.join(dir, 'stranger');
    writeFileSync(strangerKey, generateKeyPair().privateKey, { mode: 0o600 });
    const faulty = labInventory(lab, settings, [
      { id: 'ghost', host: 'ghost-1', address: '10.213.1.250', ssh: { connect_timeout: 3 } },
      {
        id: 'impostor',
        host: 'impostor-1',
        address: '10.213.1.2',
        ssh: { known_hosts: wrongKnownHosts },
        vars: { memory_max: '700M' },
      },
      {
        id: 'stranger',
        host: 'stranger-1',
        address: '10.213.1.3',
        ssh: { identity_file: strangerKey },
        vars: { memory_max: '600M' },
      },
    ]);
    const run = hfleet(['apply', faulty, '--limit', '!globex,!initech', '--json']);
    expect(run.code).toBe(3);
    const byHost = Object.fromEntries(run.json.hosts.map((h: { host: string }) => [h.host, h]));
    expect(byHost['acme-1'].status).toBe('ok');
    expect(byHost['ghost-1']).toMatchObject({ status: 'unreachable' });
    expect(byHost['impostor-1']).toMatchObject({ status: 'unreachable', error_code: 'HOST_KEY_MISMATCH' });
    expect(byHost['stranger-1']).toMatchObject({ status: 'unreachable', error_code: 'SSH_AUTH' });
    for (const host of run.json.hosts) expect(host.error ?? '').not.toContain('\n');
    expect(
      await onHost('globex-1', 'cat /etc/systemd/system/hub-platform.service.d/local.conf'),
    ).not.toContain('700M');
    expect(
      await onHost(
        'initech-1',
        'cat /etc/systemd/system/hub-platform.service.d/local.conf 2>/dev/null || true',
      ),
    ).not.toContain('600M');
  });

  it('a run whose client is killed mid-apply finishes on the host: files whole, the restart done, nothing owed', async () => {
    const playbookDir = scratchDirForFile('hfleet-e2e-play-');
    const slow = path.join(playbookDir, 'slow.yml');
    const builtin = path.resolve(import.meta.dirname, '../../playbooks');
    writeFileSync(
      slow,
      (await import('node:fs'))
        .readFileSync(path.join(builtin, 'honeyframe.yml'), 'utf8')
        .replace(
          'tasks:\n',
          'tasks:\n  - name: a slow step after the files are written\n    command: { argv: [sleep, "4"] }\n',
        ),
    );
    (await import('node:fs')).cpSync(path.join(builtin, 'templates'), path.join(playbookDir, 'templates'), {
      recursive: true,
    });
    const changed = labInventory(lab, { ...settings, acme: { vars: { memory_max: '700M' } } });
    const pidBefore = (await mainPids('acme-1', ['hub-platform.service']))['hub-platform.service'];
    const child = hfleetChild(['apply', changed, '--limit', 'acme', '--playbook', slow]);
    const exited = new Promise((resolve) => child.on('exit', resolve));
    const deadline = Date.now() + 60_000;
    const dropinNow = () =>
      onHost('acme-1', 'cat /etc/systemd/system/hub-platform.service.d/local.conf 2>/dev/null || true');
    while (!(await dropinNow()).includes('700M')) {
      if (Date.now() > deadline) throw new Error('the new drop-in never appeared');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    child.kill('SIGKILL');
    await exited;
    const dropin = await onHost('acme-1', 'cat /etc/systemd/system/hub-platform.service.d/local.conf');
    expect(dropin).toMatch(/^# Managed by hfleet.*\n\[Service\]\nMemoryMax=700M\n$/s);

    // The host's part of the run goes on without its client and holds the lock until it ends.
    const next = hfleet(['apply', changed, '--limit', 'acme', '--lock-wait', '60', '--json']);
    expect(next.code).toBe(0);
    expect(next.json.hosts[0].restarted).toEqual([]);
    expect((await onHost('acme-1', 'find /etc/systemd/system -name ".hfleet.*" | wc -l')).trim()).toBe('0');
    expect((await mainPids('acme-1', ['hub-platform.service']))['hub-platform.service']).not.toBe(pidBefore);
    expect((await showUnit('acme-1', 'hub-platform.service', ['MemoryMax']))['MemoryMax']).toBe('734003200');
    expect(hfleet(['apply', changed, '--limit', 'acme', '--json']).json.hosts[0].status).toBe('ok');
  });
});
