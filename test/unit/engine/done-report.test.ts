import { describe, expect, it } from 'vitest';
import { doneReport, plannedSteps } from '../../../src/engine/done-report.js';
import { emptyPlan, type HostPlan } from '../../../src/tasks/plan-types.js';

function plan(): HostPlan {
  return {
    ...emptyPlan(),
    files: [
      {
        task: 'dropin',
        path: '/etc/systemd/system/hub-cloud.service.d/local.conf',
        action: 'updated',
        content: '[Service]\n',
        before: '',
        restarts: ['hub-cloud.service'],
      },
    ],
    daemonReload: true,
    restart: ['hub-platform.service', 'hub-cloud.service'],
    start: ['hub-scheduler.service'],
    enable: ['hub-scheduler.service'],
  };
}

describe('doneReport', () => {
  it('a file that replaced a symlink names the old target in its change', () => {
    const linked = plan();
    linked.files[0] = { ...linked.files[0]!, replacesSymlink: '/opt/local.conf' };
    expect(doneReport(linked, plannedSteps(linked)).changes).toEqual([
      {
        task: 'dropin',
        path: '/etc/systemd/system/hub-cloud.service.d/local.conf',
        action: 'updated',
        replaced_symlink: '/opt/local.conf',
      },
    ]);
  });

  it('a run that completed reports every planned action', () => {
    expect(doneReport(plan(), plannedSteps(plan()))).toEqual({
      changes: [
        { task: 'dropin', path: '/etc/systemd/system/hub-cloud.service.d/local.conf', action: 'updated' },
      ],
      restarted: ['hub-platform.service', 'hub-cloud.service'],
      services: [
        { unit: 'hub-scheduler.service', action: 'started' },
        { unit: 'hub-scheduler.service', action: 'enabled' },
      ],
      daemon_reload: true,
      not_run: [],
    });
  });

  it('a run that failed writing a file reports no change and every unit action as not run', () => {
    expect(doneReport(plan(), [])).toEqual({
      changes: [],
      restarted: [],
      services: [],
      daemon_reload: false,
      not_run: [
        'restart hub-platform.service',
        'restart hub-cloud.service',
        'start hub-scheduler.service',
        'enable hub-scheduler.service',
      ],
    });
  });

  it('a run that failed at the restart reports the file and the reload, not the restart or what followed', () => {
    const done = plannedSteps(plan()).slice(0, 2);
    const report = doneReport(plan(), done);
    expect(report.changes).toHaveLength(1);
    expect(report.daemon_reload).toBe(true);
    expect(report.restarted).toEqual([]);
    expect(report.not_run).toEqual([
      'restart hub-platform.service',
      'restart hub-cloud.service',
      'start hub-scheduler.service',
      'enable hub-scheduler.service',
    ]);
  });

  it('a rename that failed put the files before it back: no file change stands', () => {
    const two = { ...plan(), files: [...plan().files, { ...plan().files[0]!, path: '/etc/x.conf' }] };
    const report = doneReport(two, [`rename ${two.files[0]!.path}`], 'rename /etc/x.conf');
    expect(report.changes).toEqual([]);
    expect(report.not_run).toContain('restart hub-cloud.service');
  });

  it('an unmask asked for is reported as a service action', () => {
    const unmasking = { ...emptyPlan(), unmask: ['hub-scheduler.service'] };
    expect(doneReport(unmasking, plannedSteps(unmasking)).services).toEqual([
      { unit: 'hub-scheduler.service', action: 'unmasked' },
    ]);
  });
});
