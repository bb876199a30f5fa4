import { describe, expect, it } from 'vitest';
import { effectiveValue, effectiveValues, mergeDropins } from '../../../src/systemd/merge.js';
import { parseUnit } from '../../../src/systemd/parse.js';

const base = parseUnit(
  [
    '[Unit]',
    'After=network.target',
    '[Service]',
    'User=root',
    'MemoryMax=1500M',
    'ExecStartPre=-/bin/sh -c "fuser -k 8001/tcp"',
    'ExecStartPre=/bin/sleep 2',
    'ExecStart=/usr/bin/python3 -m app',
    'Environment=A=1',
    '',
  ].join('\n'),
  '/etc/systemd/system/x.service',
);
const dropin = (name: string, text: string) => parseUnit(text, `/etc/systemd/system/x.service.d/${name}`);
const values = (effective: ReturnType<typeof mergeDropins>, section: string, key: string) =>
  effectiveValues(effective, section, key).map((v) => v.value);

describe('mergeDropins', () => {
  it('returns the unit itself when there are no drop-ins', () => {
    const effective = mergeDropins(base);
    expect(effectiveValue(effective, 'Service', 'MemoryMax')).toBe('1500M');
    expect(values(effective, 'Service', 'ExecStartPre')).toHaveLength(2);
  });

  it('lets a later single-valued setting override, keeping where it came from', () => {
    const effective = mergeDropins(base, [dropin('local.conf', '[Service]\nMemoryMax=900M\n')]);
    expect(effectiveValues(effective, 'Service', 'MemoryMax')).toEqual([
      { value: '900M', file: '/etc/systemd/system/x.service.d/local.conf', line: 2 },
    ]);
  });

  it('applies drop-ins in lexical order of file name, whatever order they are given in', () => {
    const effective = mergeDropins(base, [
      dropin('50-b.conf', '[Service]\nMemoryMax=700M\n'),
      dropin('10-a.conf', '[Service]\nMemoryMax=600M\n'),
      dropin('er-limits.conf', '[Service]\nMemoryMax=800M\n'),
    ]);
    // "er-limits.conf" sorts after "50-b.conf": it wins.
    expect(effectiveValue(effective, 'Service', 'MemoryMax')).toBe('800M');
  });

  it('sorts by byte value (upper case before lower case) like systemd', () => {
    const effective = mergeDropins(base, [
      dropin('a.conf', '[Service]\nUser=a\n'),
      dropin('Z.conf', '[Service]\nUser=z\n'),
    ]);
    expect(effectiveValue(effective, 'Service', 'User')).toBe('a');
  });

  it('accumulates list settings (ExecStartPre, Environment, After) across files', () => {
    const effective = mergeDropins(base, [
      dropin(
        'local.conf',
        '[Unit]\nAfter=remote-fs.target\n[Service]\nEnvironment=B=2\nExecStartPre=/bin/true\n',
      ),
    ]);
    expect(values(effective, 'Unit', 'After')).toEqual(['network.target', 'remote-fs.target']);
    expect(values(effective, 'Service', 'Environment')).toEqual(['A=1', 'B=2']);
    expect(values(effective, 'Service', 'ExecStartPre')).toHaveLength(3);
  });

  it('resets a list on an empty assignment, then accumulates again (systemd.service(5) ExecStartPre)', () => {
    const effective = mergeDropins(base, [
      dropin('local.conf', '[Service]\nExecStartPre=\nExecStartPre=/bin/sleep 2\n'),
    ]);
    expect(values(effective, 'Service', 'ExecStartPre')).toEqual(['/bin/sleep 2']);
  });

  it('must reset ExecStart before replacing it, otherwise both accumulate (systemd.unit(5) example)', () => {
    const without = mergeDropins(base, [dropin('a.conf', '[Service]\nExecStart=/bin/other\n')]);
    expect(values(without, 'Service', 'ExecStart')).toEqual(['/usr/bin/python3 -m app', '/bin/other']);
    const withReset = mergeDropins(base, [dropin('a.conf', '[Service]\nExecStart=\nExecStart=/bin/other\n')]);
    expect(values(withReset, 'Service', 'ExecStart')).toEqual(['/bin/other']);
  });

  it('resets a single-valued setting to its default on an empty assignment', () => {
    const effective = mergeDropins(base, [dropin('a.conf', '[Service]\nUser=\n')]);
    expect(effectiveValue(effective, 'Service', 'User')).toBeUndefined();
  });

  it('treats Condition*/Assert* as lists', () => {
    const effective = mergeDropins(base, [
      dropin('a.conf', '[Unit]\nConditionPathExists=/a\nConditionPathExists=/b\n'),
    ]);
    expect(values(effective, 'Unit', 'ConditionPathExists')).toEqual(['/a', '/b']);
  });
});
