// Rolling restarts and rolling applies on the lab: batches in order, health gates, halting, rollback.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, expect, it } from 'vitest';
import type { LabState } from '../../src/lab/state.js';
import { scratchDirForFile } from '../support/scratch-dir.js';
import { describeWithLab } from './lab-context.js';
import { freshLab, healthCode, hfleet, labInventory, mainPids, onHost } from './support/fleet.js';

const API = ['hub-platform.service', 'hub-cloud.service'];
const HOSTS = ['acme-1', 'globex-1', 'initech-1'];

async function pidsOf(): Promise<Record<string, Record<string, string>>> {
  const all: Record<string, Record<string, string>> = {};
  for (const host of HOSTS) all[host] = await mainPids(host, API);
  return all;
}

describeWithLab('rolling restarts and rolling applies on the lab', () => {
  let lab: LabState;
  let inventory: string;

  beforeAll(async () => {
    lab = await freshLab(HOSTS);
    inventory = labInventory(lab);
    expect(hfleet(['apply', inventory, '--json']).code).toBe(0);
  });

  afterEach(async () => {
    for (const host of HOSTS) await onHost(host, 'rm -f /etc/honeyframe/lab-fault/*');
  });

  it('restarts a healthy fleet customer by customer: every service gets a new main process, exit 0', async () => {
    const before = await pidsOf();
    const run = hfleet(['restart', inventory, '--settle', '2', '--json']);
    expect(run.code).toBe(0);
    expect(run.json.batches).toEqual([
      { customers: ['acme'], hosts: ['acme-1'], status: 'healthy' },
      { customers: ['globex'], hosts: ['globex-1'], status: 'healthy' },
      { customers: ['initech'], hosts: ['initech-1'], status: 'healthy' },
    ]);
    expect(run.json).toMatchObject({ restarted: HOSTS, untouched: [], halted: false });
    const after = await pidsOf();
    for (const host of HOSTS)
      for (const unit of API) expect(after[host]![unit]).not.toBe(before[host]![unit]);
  });

  it('halts at an unhealthy customer: later customers keep their processes and are listed untouched, exit 3', async () => {
    await onHost(
      'globex-1',
      'mkdir -p /etc/honeyframe/lab-fault && echo unhealthy > /etc/honeyframe/lab-fault/hub-cloud',
    );
    const before = await pidsOf();
    const run = hfleet(['restart', inventory, '--health-timeout', '5', '--settle', '1', '--json']);
    expect(run.code).toBe(3);
    expect(run.json.batches.map((b: { status: string }) => b.status)).toEqual(['healthy', 'failed']);
    expect(run.json.batches[1].error).toMatch(
      /globex-1: hub-cloud.service: \/api\/health: HTTP 503 after 5 s/,
    );
    expect(run.json).toMatchObject({
      restarted: ['acme-1', 'globex-1'],
      untouched: ['initech-1'],
      halted: true,
    });
    expect(await mainPids('initech-1', API)).toEqual(before['initech-1']);
  });

  it('with --batch 50% and --max-fail 1 tolerates one failed host and goes on', async () => {
    await onHost(
      'acme-1',
      'mkdir -p /etc/honeyframe/lab-fault && echo unhealthy > /etc/honeyframe/lab-fault/hub-platform',
    );
    const run = hfleet([
      'restart',
      inventory,
      '--batch',
      '50%',
      '--max-fail',
      '1',
      '--health-timeout',
      '5',
      '--settle',
      '1',
      '--json',
    ]);
    expect(run.json.batches.map((b: { hosts: string[]; status: string }) => [b.hosts, b.status])).toEqual([
      [['acme-1', 'globex-1'], 'failed'],
      [['initech-1'], 'healthy'],
    ]);
    expect(run.json).toMatchObject({ halted: false, untouched: [], failed: ['acme-1'] });
    expect(run.code).toBe(3);
  });

  it('rolls back a rolling apply whose new drop-in makes a service crash, and halts', async () => {
    const dir = scratchDirForFile('hfleet-e2e-play-');
    const builtin = path.resolve(import.meta.dirname, '../../playbooks');
    cpSync(path.join(builtin, 'templates'), path.join(dir, 'templates'), { recursive: true });
    const faultTask = [
      '  - name: a drop-in that injects a fault',
      '    dropin: { unit: hub-cloud.service, name: zz-fault.conf, content: "[Service]\\nEnvironment=HONEYFRAME_LAB_FAULT={{ fault }}\\n" }',
      `    when: "fault != 'none'"`,
      '',
    ].join('\n');
    const playbook = path.join(dir, 'faulty.yml');
    writeFileSync(
      playbook,
      readFileSync(path.join(builtin, 'honeyframe.yml'), 'utf8').replace(
        '  - name: service user',
        `${faultTask}  - name: service user`,
      ),
    );
    const faulty = labInventory(lab, {
      acme: { vars: { extra: { fault: 'none' } } },
      globex: { vars: { extra: { fault: 'crash' }, health_timeout: 8 } },
      initech: { vars: { extra: { fault: 'none' } } },
    });
    const initechBefore = await mainPids('initech-1', API);
    const run = hfleet(['apply', faulty, '--playbook', playbook, '--rolling', '--json']);
    expect(run.code).toBe(3);
    const globex = run.json.hosts.find((h: { host: string }) => h.host === 'globex-1');
    expect(globex.status).toBe('failed');
    expect(globex.error).toMatch(
      /hub-cloud.service: .* after 8 s; rolled back to the previous files, healthy again/,
    );
    expect(run.json.rollout).toMatchObject({ halted: true, untouched: ['initech-1'] });
    expect((await onHost('globex-1', 'ls /etc/systemd/system/hub-cloud.service.d/')).trim()).toBe('');
    expect(await healthCode('globex-1', 8002)).toBe('200');
    expect(await mainPids('initech-1', API)).toEqual(initechBefore);
  });
});
