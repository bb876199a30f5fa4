import { describe, expect, it } from 'vitest';
import { MASKED_REASON, statusUnits, unitStatuses } from '../../../src/status/status-rows.js';
import { platformRow } from '../../support/status-row.js';
import { acmeTasks, convergedFacts, setShown, WRITTEN_AT } from '../drift/converged-host.js';

describe('status rows', () => {
  it('lists the units that should run, in playbook order', () => {
    expect(statusUnits(acmeTasks())).toEqual([
      'hub-platform.service',
      'hub-cloud.service',
      'hub-scheduler.service',
      'dbt-run.timer',
    ]);
  });

  it('reads state, health, PID, memory, restarts and uptime from the recorded show output', () => {
    const tasks = acmeTasks();
    const { facts } = convergedFacts(tasks);
    setShown(facts, 'hub-cloud.service', { ActiveState: 'failed', SubState: 'failed', MainPID: '0' });
    facts.health.set('hub-cloud.service', { kind: 'refused' });
    const rows = unitStatuses(tasks, facts);
    expect(rows[0]).toEqual(platformRow({ uptime_sec: WRITTEN_AT + 3600 - 1732800100 }));
    expect(rows[1]).toMatchObject({
      active: 'failed',
      main_pid: null,
      health: 0,
      probe: 'connection refused',
      uptime_sec: null,
      healthy: false,
      problem: 'failed',
    });
    expect(rows[2]).toMatchObject({ unit: 'hub-scheduler.service', health: null, healthy: true });
    expect(rows[3]).toMatchObject({
      unit: 'dbt-run.timer',
      main_pid: null,
      memory_bytes: null,
      restarts: null,
    });
  });

  it('names a masked unit that does not run masked, with the mask as its reason', () => {
    const tasks = acmeTasks();
    const { facts } = convergedFacts(tasks);
    setShown(facts, 'hub-scheduler.service', {
      LoadState: 'masked',
      UnitFileState: 'masked',
      ActiveState: 'inactive',
      SubState: 'dead',
      MainPID: '0',
    });
    const row = unitStatuses(tasks, facts).find((unit) => unit.unit === 'hub-scheduler.service');
    expect(row).toMatchObject({ active: 'inactive', masked: true, healthy: false, reason: MASKED_REASON });
  });

  it('keeps the verdict of a masked unit that still runs (masking does not stop it)', () => {
    const tasks = acmeTasks();
    const { facts } = convergedFacts(tasks);
    setShown(facts, 'hub-platform.service', { LoadState: 'masked', UnitFileState: 'masked-runtime' });
    const row = unitStatuses(tasks, facts).find((unit) => unit.unit === 'hub-platform.service');
    expect(row).toMatchObject({ active: 'active', masked: true, healthy: true, reason: '' });
  });
});
