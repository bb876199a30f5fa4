import { describe, expect, it } from 'vitest';
import { intendedProperties } from '../../../src/drift/intended-properties.js';

const UNIT = {
  path: '/etc/systemd/system/x.service',
  content: '[Service]\nUser=root\nWorkingDirectory=-/opt/x\nRestart=on-failure\nMemoryMax=1500M\n',
};

function expected(dropins: { path: string; content: string }[] = []): Record<string, string> {
  return Object.fromEntries(intendedProperties(UNIT, dropins).map((p) => [p.property, p.expected]));
}

describe('intendedProperties', () => {
  it('turns the unit into the values systemctl show prints, with systemd defaults for unset ones', () => {
    expect(expected()).toEqual({
      MemoryMax: '1572864000',
      User: 'root',
      Group: '',
      PrivateTmp: 'no',
      KillMode: 'control-group',
      Restart: 'on-failure',
      WorkingDirectory: '/opt/x',
    });
  });

  it('applies drop-ins in name order, later ones winning, and an empty value resets', () => {
    const values = expected([
      { path: '/d/zz.conf', content: '[Service]\nUser=\nTimeoutStopSec=15\n' },
      { path: '/d/local.conf', content: '[Service]\nUser=honeyframe\nPrivateTmp=true\nMemoryMax=900M\n' },
    ]);
    expect(values).toMatchObject({
      User: '',
      PrivateTmp: 'yes',
      MemoryMax: '943718400',
      TimeoutStopUSec: '15',
    });
  });

  it('compares time spans by duration and paths without their - prefix', () => {
    const rules = intendedProperties(UNIT, [
      { path: '/d/a.conf', content: '[Service]\nTimeoutStopSec=90\n' },
    ]);
    const timeout = rules.find((r) => r.property === 'TimeoutStopUSec')!;
    expect(timeout.matches('1min 30s')).toBe(true);
    expect(timeout.matches('15s')).toBe(false);
    expect(rules.find((r) => r.property === 'WorkingDirectory')!.matches('-/opt/x')).toBe(true);
  });

  it('does not compare a percentage MemoryMax (it depends on the host)', () => {
    const rules = intendedProperties(UNIT, [{ path: '/d/a.conf', content: '[Service]\nMemoryMax=50%\n' }]);
    expect(rules.some((r) => r.property === 'MemoryMax')).toBe(false);
  });
});
