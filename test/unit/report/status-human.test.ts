import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { shortBytes, shortDuration, stateText, statusHuman } from '../../../src/report/status-human.js';
import type { StatusHostResult } from '../../../src/status/status-host.js';
import { statusExitCode, summarizeStatus } from '../../../src/status/status-summary.js';
import { platformRow } from '../../support/status-row.js';

const unit = platformRow({ restarts: 2, uptime_sec: 3725 });

describe('status report', () => {
  it('formats sizes and durations compactly', () => {
    expect(shortBytes(31457280)).toBe('30M');
    expect(shortBytes(943718400)).toBe('900M');
    expect(shortBytes(1610612736)).toBe('1.5G');
    expect(shortDuration(42)).toBe('42s');
    expect(shortDuration(3725)).toBe('1h02m');
    expect(shortDuration(2 * 86400 + 7200)).toBe('2d2h');
  });

  it('shows a masked unit as masked in STATE, with its state when it still runs', () => {
    expect(stateText(unit)).toBe('active/running');
    expect(stateText({ ...unit, active: 'inactive', sub: 'dead', masked: true })).toBe('masked');
    expect(stateText({ ...unit, masked: true })).toBe('active/running, masked');
  });

  it('prints one row per host and unit, failures below, a summary; exit 3 unless all healthy', () => {
    const results: StatusHostResult[] = [
      {
        host: 'acme-1',
        customer: 'acme',
        status: 'healthy',
        units: [unit],
        error: null,
        error_code: null,
        recovered: null,
      },
      {
        host: 'globex-1',
        customer: 'globex',
        status: 'unhealthy',
        units: [
          {
            ...unit,
            active: 'activating',
            sub: 'auto-restart',
            health: 0,
            probe: 'connection refused',
            main_pid: null,
            uptime_sec: null,
            healthy: false,
            problem: 'crash-loop' as const,
            reason: 'crash-loop: activating/auto-restart: systemd restarted it 2 times',
          },
        ],
        error: null,
        error_code: null,
        recovered: null,
      },
      {
        host: 'x-1',
        customer: 'x',
        status: 'unreachable',
        units: [],
        error: 'refused',
        error_code: 'SSH_REFUSED',
        recovered: null,
      },
    ];
    const summary = summarizeStatus(results);
    const lines = statusHuman(results, summary, new Chalk({ level: 0 }))
      .trimEnd()
      .split('\n');
    expect(lines[0]).toMatch(/^HOST\s+UNIT\s+STATE\s+HEALTH\s+PID\s+MEMORY\s+RESTARTS\s+UPTIME\s+NOTE$/);
    expect(lines[1]).toMatch(
      /^acme-1\s+hub-platform\.service\s+active\/running\s+200\s+412\s+30M \/ 900M\s+2\s+1h02m$/,
    );
    expect(lines[2]).toMatch(
      /^globex-1\s+hub-platform\.service\s+activating\/auto-restart\s+none\s+-\s+30M \/ 900M\s+2\s+-\s+crash-loop: activating\/auto-restart: systemd restarted it 2 times$/,
    );
    expect(lines[3]).toBe('x-1: unreachable: refused');
    expect(lines[4]).toBe('3 hosts: 1 healthy, 1 unhealthy, 1 unreachable, 0 error');
    expect(statusExitCode(summary)).toBe(3);
    expect(statusExitCode(summarizeStatus([results[0]!]))).toBe(0);
  });
});
