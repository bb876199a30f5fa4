// Health on real hosts: crash loops and dying services are never called healthy, reports say what ran,
// masked units are left alone, and a probe that fails says why.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { resetLabHost } from '../../src/lab/index.js';
import type { LabState } from '../../src/lab/state.js';
import { describeWithLab } from './lab-context.js';
import { freshLab, hfleet, labInventory, mainPids, onHost, showUnit } from './support/fleet.js';
import { crashAtStart, platformDiesAfterTwoSeconds } from './support/stand-ins.js';

const HOSTS = ['acme-1', 'globex-1', 'initech-1'];
const PLATFORM = 'hub-platform.service';
const SCHEDULER = 'hub-scheduler.service';
const API = [PLATFORM, 'hub-cloud.service'];
const TROUBLE = ['crash-loop', 'failed'];

interface Finding {
  kind: string;
  unit?: string;
  detail: string;
  fix: string | null;
}

// The kinds of the drift findings of one unit on the only host of a drift document.
function kindsOf(doc: { hosts: { findings: Finding[] }[] }, unit: string): string[] {
  return doc.hosts[0]!.findings.filter((f) => f.unit === unit).map((f) => f.kind);
}

describeWithLab('health that a crash loop cannot fool', () => {
  let lab: LabState;
  let inventory: string;

  beforeAll(async () => {
    lab = await freshLab(HOSTS);
    inventory = labInventory(lab, {
      acme: { vars: { health_timeout: 15 } },
      globex: { vars: { health_timeout: 15 } },
    });
  });

  afterAll(async () => {
    for (const host of HOSTS) await resetLabHost(host);
    rmSync(path.dirname(inventory), { recursive: true, force: true });
  });

  it('a service that crashes at once: apply fails the host, drift and status name the crash loop', async () => {
    await crashAtStart('acme-1');
    const apply = hfleet(['apply', inventory, '--limit', 'acme', '--json']);
    expect(apply.code).toBe(3);
    const host = apply.json.hosts[0];
    expect(host.status).toBe('failed');
    expect(host.error).toContain(SCHEDULER);
    expect(host.health.find((h: { unit: string }) => h.unit === SCHEDULER)?.healthy).toBe(false);
    const drift = hfleet(['drift', inventory, '--limit', 'acme', '--json']);
    expect(drift.code).toBe(2);
    expect(kindsOf(drift.json, SCHEDULER).filter((kind) => TROUBLE.includes(kind))).toHaveLength(1);
    const status = hfleet(['status', inventory, '--limit', 'acme', '--json']);
    expect(status.code).toBe(3);
    const row = status.json.hosts[0].units.find((u: { unit: string }) => u.unit === SCHEDULER);
    expect(row.healthy).toBe(false);
    expect(TROUBLE).toContain(row.problem);
  });

  it('a service that answers 200 then dies: apply fails it twice, drift and status name it', async () => {
    await platformDiesAfterTwoSeconds('globex-1');
    for (const run of [1, 2]) {
      const apply = hfleet(['apply', inventory, '--limit', 'globex', '--json']);
      expect({ run, code: apply.code }).toEqual({ run, code: 3 });
      expect(apply.json.hosts[0].error).toContain(PLATFORM);
    }
    const drift = hfleet(['drift', inventory, '--limit', 'globex', '--json']);
    expect(drift.code).toBe(2);
    expect(kindsOf(drift.json, PLATFORM).filter((kind) => TROUBLE.includes(kind))).toHaveLength(1);
    const status = hfleet(['status', inventory, '--limit', 'globex', '--json']);
    expect(status.code).toBe(3);
    const row = status.json.hosts[0].units.find((u: { unit: string }) => u.unit === PLATFORM);
    expect(row.healthy).toBe(false);
    expect(TROUBLE).toContain(row.problem);
  });

  it('a masked unit: drift and status say masked, apply leaves it masked, apply --unmask manages it again', async () => {
    expect(hfleet(['apply', inventory, '--limit', 'initech', '--json']).code).toBe(0);
    await onHost(
      'initech-1',
      `systemctl stop ${SCHEDULER} && ln -sf /dev/null /etc/systemd/system/${SCHEDULER} && systemctl daemon-reload`,
    );
    const drift = hfleet(['drift', inventory, '--limit', 'initech', '--json']);
    expect(drift.code).toBe(2);
    expect(drift.json.hosts[0].findings.map((f: Finding) => `${f.kind} ${f.unit}`)).toEqual([
      `masked ${SCHEDULER}`,
    ]);
    const status = hfleet(['status', inventory, '--limit', 'initech', '--json']);
    expect(status.code).toBe(3);
    expect(status.json.hosts[0].units.find((u: { unit: string }) => u.unit === SCHEDULER)).toMatchObject({
      active: 'inactive',
      masked: true,
      healthy: false,
    });
    const apply = hfleet(['apply', inventory, '--limit', 'initech', '--json']);
    expect(apply.code).toBe(0);
    expect(apply.json.hosts[0]).toMatchObject({ status: 'ok', masked: [SCHEDULER], services: [] });
    expect((await showUnit('initech-1', SCHEDULER, ['LoadState']))['LoadState']).toBe('masked');
    const unmask = hfleet(['apply', inventory, '--limit', 'initech', '--unmask', '--json']);
    expect(unmask.code).toBe(0);
    expect(unmask.json.hosts[0].services).toContainEqual({ unit: SCHEDULER, action: 'unmasked' });
    expect(await showUnit('initech-1', SCHEDULER, ['LoadState', 'ActiveState'])).toEqual({
      LoadState: 'loaded',
      ActiveState: 'active',
    });
  });

  it('a failure mid-plan: the report lists no restart that did not run, and the processes kept running', async () => {
    const changed = labInventory(lab, { initech: { vars: { memory_max: '700M' } } });
    try {
      await onHost(
        'initech-1',
        'rm -rf /etc/systemd/system/hub-cloud.service.d && touch /etc/systemd/system/hub-cloud.service.d',
      );
      const before = await mainPids('initech-1', API);
      const apply = hfleet(['apply', changed, '--limit', 'initech', '--json']);
      expect(apply.code).toBe(3);
      expect(apply.json.hosts[0]).toMatchObject({
        status: 'failed',
        changes: [],
        restarted: [],
        services: [],
        daemon_reload: false,
      });
      expect(apply.json.hosts[0].not_run).toEqual(expect.arrayContaining(API.map((u) => `restart ${u}`)));
      expect(await mainPids('initech-1', API)).toEqual(before);
      const human = hfleet(['apply', changed, '--limit', 'initech']);
      expect(human.stdout).not.toMatch(/restarted/);
      expect(human.stdout).toMatch(/not run: restart hub-platform, hub-cloud/);
    } finally {
      rmSync(path.dirname(changed), { recursive: true, force: true });
    }
  });

  it('probes say why: no curl needed, a refused endpoint and an unresolvable localhost are named', async () => {
    await resetLabHost('initech-1');
    expect(hfleet(['apply', inventory, '--limit', 'initech', '--json']).code).toBe(0);
    await onHost('initech-1', 'rm -f /usr/bin/curl');
    const healthy = hfleet(['status', inventory, '--limit', 'initech', '--json']);
    expect(healthy.code).toBe(0);
    const platform = (doc: typeof healthy) =>
      doc.json.hosts[0].units.find((u: { unit: string }) => u.unit === PLATFORM);
    expect(platform(healthy)).toMatchObject({ health: 200, probe: 'HTTP 200', healthy: true });
    await onHost('initech-1', "sed -i '/localhost/d' /etc/hosts");
    const unresolved = hfleet(['status', inventory, '--limit', 'initech', '--json']);
    expect(unresolved.code).toBe(3);
    expect(platform(unresolved)).toMatchObject({
      health: 0,
      probe: 'localhost does not resolve on the host',
      healthy: false,
    });
    const drift = hfleet(['drift', inventory, '--limit', 'initech', '--json']);
    expect(drift.json.hosts[0].findings.find((f: Finding) => f.unit === PLATFORM)?.detail).toContain(
      'localhost does not resolve on the host',
    );
    await onHost(
      'initech-1',
      "printf '127.0.0.1 localhost\\n' >> /etc/hosts && systemctl kill -s STOP hub-cloud.service",
    );
    const silent = hfleet(['status', inventory, '--limit', 'initech', '--json']);
    await onHost('initech-1', 'systemctl kill -s CONT hub-cloud.service');
    const cloud = silent.json.hosts[0].units.find((u: { unit: string }) => u.unit === 'hub-cloud.service');
    expect(cloud).toMatchObject({ probe: 'no answer within 3 s', healthy: false });
  });
});
