import { describe, expect, it } from 'vitest';
import type { ResolvedTask } from '../../../src/playbook/types.js';
import { planHost } from '../../../src/tasks/plan-host.js';
import { planChangesHost } from '../../../src/tasks/plan-types.js';
import { factsFor } from '../../support/facts-builder.js';

const UNIT = '/etc/systemd/system/hub-platform.service';
const DROPIN = '/etc/systemd/system/hub-platform.service.d/local.conf';
const CLOUD = '/etc/systemd/system/hub-cloud.service';

function tasks(options: { dropin?: string | null; cloudUnit?: string } = {}): ResolvedTask[] {
  return [
    { module: 'unit', name: 'u', path: UNIT, content: 'unit-v1\n', unit: 'hub-platform.service', notify: [] },
    {
      module: 'unit',
      name: 'u',
      path: CLOUD,
      content: options.cloudUnit ?? 'cloud-v1\n',
      unit: 'hub-cloud.service',
      notify: [],
    },
    {
      module: 'dropin',
      name: 'd',
      path: DROPIN,
      content: options.dropin ?? null,
      unit: 'hub-platform.service',
      notify: [],
    },
    { module: 'service', name: 's', unit: 'hub-platform.service', state: 'started', enabled: true },
    { module: 'service', name: 's', unit: 'hub-cloud.service', state: 'started', enabled: true },
    { module: 'service', name: 'off', unit: 'hub-scheduler.service', state: 'stopped', enabled: false },
    {
      module: 'health',
      name: 'h',
      unit: 'hub-platform.service',
      port: 8001,
      path: '/api/health',
      timeoutSec: 60,
      settleSec: 5,
    },
  ];
}

const converged = {
  files: { [UNIT]: 'unit-v1\n', [CLOUD]: 'cloud-v1\n' },
  mtime: 1000,
  units: {
    'hub-platform.service': { active: true, enabled: true, startedAt: 2000 },
    'hub-cloud.service': { active: true, enabled: true, startedAt: 2000 },
    'hub-scheduler.service': { notFound: true },
  },
};

describe('planHost', () => {
  it('installs, reloads, starts and enables everything on a fresh host', () => {
    const plan = planHost(
      tasks({ dropin: 'drop\n' }),
      factsFor({ units: { 'hub-scheduler.service': { notFound: true } } }),
    );
    expect(plan.files.map((f) => [f.path, f.action])).toEqual([
      [UNIT, 'created'],
      [CLOUD, 'created'],
      [DROPIN, 'created'],
    ]);
    expect(plan.daemonReload).toBe(true);
    expect(plan.restart).toEqual(['hub-platform.service', 'hub-cloud.service']);
    expect(plan.enable).toEqual(['hub-platform.service', 'hub-cloud.service']);
    expect(plan.stop).toEqual([]);
    expect(plan.disable).toEqual([]);
  });

  it('changes nothing on a converged host', () => {
    const plan = planHost(tasks(), factsFor(converged));
    expect(planChangesHost(plan)).toBe(false);
  });

  it('replaces a unit that is a symlink to an identical file, naming the old target', () => {
    const facts = factsFor(converged);
    facts.files.set(UNIT, { ...facts.files.get(UNIT)!, mode: '777', symlinkTo: '/opt/p.service' });
    const plan = planHost(tasks(), facts);
    expect(plan.files).toMatchObject([{ path: UNIT, action: 'updated', replacesSymlink: '/opt/p.service' }]);
    expect(plan.restart).toEqual(['hub-platform.service']);
  });

  it('restarts only the unit whose drop-in changed', () => {
    const plan = planHost(tasks({ dropin: 'MemoryMax=900M\n' }), factsFor(converged));
    expect(plan.files.map((f) => [f.path, f.action])).toEqual([[DROPIN, 'created']]);
    expect(plan.restart).toEqual(['hub-platform.service']);
    expect(plan.daemonReload).toBe(true);
  });

  it('removes a local.conf that no longer holds an override, and restarts its unit', () => {
    const plan = planHost(
      tasks(),
      factsFor({ ...converged, files: { ...converged.files, [DROPIN]: 'old\n' } }),
    );
    expect(plan.files.map((f) => [f.path, f.action, f.content])).toEqual([[DROPIN, 'removed', null]]);
    expect(plan.restart).toEqual(['hub-platform.service']);
  });

  it('rewrites a file whose mode or owner drifted even when the content matches', () => {
    const facts = factsFor(converged);
    facts.files.set(UNIT, { ...facts.files.get(UNIT)!, mode: '666' });
    expect(planHost(tasks(), facts).files.map((f) => [f.path, f.action])).toEqual([[UNIT, 'updated']]);
  });

  it('pays a restart owed by an interrupted run: files newer than the running process', () => {
    const facts = factsFor({ ...converged, mtime: 3000 });
    const plan = planHost(tasks(), facts);
    expect(plan.files).toEqual([]);
    expect(plan.restart).toEqual(['hub-platform.service', 'hub-cloud.service']);
    expect(plan.owedRestarts).toEqual(['hub-platform.service', 'hub-cloud.service']);
  });

  it('counts drop-ins it did not write toward the owed restart', () => {
    const facts = factsFor({
      ...converged,
      dropins: { '/etc/systemd/system/hub-cloud.service.d': [{ name: 'er-limits.conf', mtime: 2500 }] },
    });
    expect(planHost(tasks(), facts).restart).toEqual(['hub-cloud.service']);
  });

  it('reloads when systemd says the files on disk were not loaded', () => {
    const facts = factsFor({
      ...converged,
      units: {
        ...converged.units,
        'hub-cloud.service': { active: true, enabled: true, startedAt: 2000, needReload: true },
      },
    });
    const plan = planHost(tasks(), facts);
    expect(plan.daemonReload).toBe(true);
    expect(plan.restart).toEqual([]);
  });

  it('stops and disables a companion that is no longer listed, and starts a stopped service', () => {
    const facts = factsFor({
      ...converged,
      units: {
        ...converged.units,
        'hub-cloud.service': { active: false, enabled: true, startedAt: 0 },
        'hub-scheduler.service': { active: true, enabled: true, startedAt: 2000 },
      },
    });
    const plan = planHost(tasks(), facts);
    expect(plan.stop).toEqual(['hub-scheduler.service']);
    expect(plan.disable).toEqual(['hub-scheduler.service']);
    expect(plan.start).toEqual(['hub-cloud.service']);
    expect(plan.restart).toEqual([]);
  });

  it('creates a missing user and then owns its directories', () => {
    const userTasks: ResolvedTask[] = [
      { module: 'user', name: 'u', user: 'honeyframe', shell: '/usr/sbin/nologin' },
      {
        module: 'ownership',
        name: 'o',
        paths: ['/opt/honeyframe', '/data/honeyframe'],
        owner: 'honeyframe',
        group: 'honeyframe',
      },
    ];
    const facts = factsFor({ users: { honeyframe: false } });
    facts.ownership.set('/opt/honeyframe', { exists: true, firstForeign: null });
    facts.ownership.set('/data/honeyframe', { exists: false, firstForeign: null });
    const plan = planHost(userTasks, facts);
    expect(plan.users).toEqual([{ user: 'honeyframe', shell: '/usr/sbin/nologin' }]);
    expect(plan.chown).toEqual([{ path: '/opt/honeyframe', owner: 'honeyframe', group: 'honeyframe' }]);
  });
});
