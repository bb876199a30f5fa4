import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { localConf } from '../../../src/render/local-conf.js';
import { hostFixture } from './host-fixture.js';

const reference = readFileSync(
  new URL('../../fixtures/units/reference-hub-platform.service', import.meta.url),
  'utf8',
);
const HEADER = '# Managed by hfleet: local overrides for this host. Edit the inventory, not this file.';
const vars = (overrides: Parameters<typeof hostFixture>[0]) => hostFixture(overrides).vars;

describe('localConf', () => {
  it('is null when the host overrides nothing (also for a memory_max equal in another spelling)', () => {
    expect(localConf(reference, vars({}))).toBeNull();
    expect(localConf(reference, vars({ memory_max: '1500 M' }))).toBeNull();
  });

  it('overrides MemoryMax when it differs from the unit', () => {
    expect(localConf(reference, vars({ memory_max: '900M' }))).toBe(`${HEADER}\n[Service]\nMemoryMax=900M\n`);
    expect(localConf(reference, vars({ memory_max: '1.5G' }))).toContain('MemoryMax=1.5G');
  });

  it('does not set MemoryMax for a unit that has none', () => {
    const unit = '[Service]\nType=oneshot\nExecStart=/usr/local/bin/dbt build\n';
    expect(localConf(unit, vars({ memory_max: '900M' }))).toBeNull();
  });

  it('adds PrivateTmp=true when private_tmp', () => {
    expect(localConf(reference, vars({ private_tmp: true }))).toBe(`${HEADER}\n[Service]\nPrivateTmp=true\n`);
  });

  it('converts to a non-root user: User, Group, ExecStartPre without fuser, graceful stop', () => {
    expect(localConf(reference, vars({ run_as: 'honeyframe', memory_max: '900M', private_tmp: true }))).toBe(
      [
        HEADER,
        '[Service]',
        'MemoryMax=900M',
        'PrivateTmp=true',
        'User=honeyframe',
        'Group=honeyframe',
        'ExecStartPre=',
        'ExecStartPre=/bin/sleep 2',
        'TimeoutStopSec=15',
        'KillMode=mixed',
        '',
      ].join('\n'),
    );
  });

  it('does not reset ExecStartPre for a unit without a fuser line', () => {
    const unit = '[Service]\nExecStartPre=/bin/true\nExecStart=/usr/bin/python3 -m scheduler\n';
    const text = localConf(unit, vars({ run_as: 'honeyframe' })) ?? '';
    expect(text).not.toContain('ExecStartPre');
    expect(text).toContain('KillMode=mixed');
  });
});

describe('localConf for companions', () => {
  it('leaves MemoryMax alone when told memory_max does not apply (the scheduler keeps its own cap)', () => {
    const unit = '[Service]\nExecStart=/usr/bin/python3 -m scheduler\nMemoryMax=500M\n';
    expect(localConf(unit, vars({ memory_max: '900M' }), { applyMemoryMax: false })).toBeNull();
    expect(localConf(unit, vars({ memory_max: '900M' }))).toContain('MemoryMax=900M');
  });
});
