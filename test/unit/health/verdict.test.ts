import { describe, expect, it } from 'vitest';
import { judgeHealth, type UnitState } from '../../../src/health/index.js';

const running: UnitState = {
  type: 'simple',
  active: 'active',
  sub: 'running',
  result: 'success',
  mainPid: 100,
  restarts: 0,
};
const ok200 = { kind: 'http', code: 200 } as const;

describe('judgeHealth', () => {
  it('calls a running service with a 200 endpoint that held still healthy', () => {
    const verdict = judgeHealth({
      unit: 'hub-platform.service',
      state: running,
      probe: ok200,
      hasEndpoint: true,
      settled: running,
    });
    expect(verdict).toEqual({ healthy: true, reason: '', trouble: undefined });
  });

  it('judges activity by unit type: timers waiting, oneshots exited with success', () => {
    const timer = { ...running, type: '', sub: 'waiting' };
    const oneshot = { ...running, type: 'oneshot', sub: 'exited' };
    const judge = (unit: string, state: UnitState) =>
      judgeHealth({ unit, state, probe: undefined, hasEndpoint: false }).healthy;
    expect(judge('dbt-run.timer', timer)).toBe(true);
    expect(judge('dbt-run.service', oneshot)).toBe(true);
    expect(judge('dbt-run.service', { ...oneshot, result: 'exit-code' })).toBe(false);
    expect(judge('hub-cloud.service', { ...running, sub: 'exited' })).toBe(false);
    expect(judge('hub-cloud.service', { ...running, active: 'activating', sub: 'auto-restart' })).toBe(false);
  });

  it('names why an endpoint failed', () => {
    const judge = (probe: Parameters<typeof judgeHealth>[0]['probe']) =>
      judgeHealth({ unit: 'hub-cloud.service', state: running, probe, hasEndpoint: true }).reason;
    expect(judge({ kind: 'http', code: 503 })).toBe('HTTP 503');
    expect(judge({ kind: 'refused' })).toBe('connection refused');
    expect(judge({ kind: 'unresolved' })).toBe('localhost does not resolve on the host');
    expect(judge({ kind: 'no-bash' })).toBe('bash not installed on the host');
    expect(judge(undefined)).toBe('not probed');
  });

  it('does not call a unit healthy that restarted or lost its process within the settle window', () => {
    const judge = (settled: UnitState) =>
      judgeHealth({ unit: 'u.service', state: running, probe: undefined, hasEndpoint: false, settled });
    expect(judge({ ...running, restarts: 1, mainPid: 101 }).reason).toMatch(
      /^crash loop: systemd restarted it 1 time /,
    );
    expect(judge({ ...running, active: 'activating', sub: 'auto-restart', mainPid: 0 }).reason).toBe(
      'activating/auto-restart within the settle window',
    );
    expect(judge({ ...running, mainPid: 222 }).reason).toBe(
      'main process changed within the settle window (100 -> 222)',
    );
  });

  it('read once, calls a unit systemd just restarted by itself a crash loop, and names failures', () => {
    const looping = judgeHealth({
      unit: 'hub-scheduler.service',
      state: { ...running, restarts: 3 },
      probe: undefined,
      hasEndpoint: false,
      activeForSec: 1,
    });
    expect(looping.healthy).toBe(false);
    expect(looping.trouble?.kind).toBe('crash-loop');
    const recovered = judgeHealth({
      unit: 'hub-scheduler.service',
      state: { ...running, restarts: 3 },
      probe: undefined,
      hasEndpoint: false,
      activeForSec: 3600,
    });
    expect(recovered.healthy).toBe(true);
    const failed = judgeHealth({
      unit: 'hub-scheduler.service',
      state: { ...running, active: 'failed', sub: 'failed', result: 'start-limit-hit', mainPid: 0 },
      probe: undefined,
      hasEndpoint: false,
    });
    expect(failed).toMatchObject({
      healthy: false,
      reason: 'failed: failed/failed (Result=start-limit-hit)',
      trouble: { kind: 'failed' },
    });
  });
});
