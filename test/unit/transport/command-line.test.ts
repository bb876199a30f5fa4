import { describe, expect, it } from 'vitest';
import { describeCommand, remoteArgv } from '../../../src/transport/command-line.js';

describe('remoteArgv', () => {
  it('runs through sudo -n -- only when become is set', () => {
    expect(remoteArgv(['systemctl', 'daemon-reload'], false)).toEqual(['systemctl', 'daemon-reload']);
    expect(remoteArgv(['systemctl', 'daemon-reload'], true)).toEqual([
      'sudo',
      '-n',
      '--',
      'systemctl',
      'daemon-reload',
    ]);
  });
});

describe('describeCommand', () => {
  it('keeps short commands and shortens long ones to one line', () => {
    expect(describeCommand(['systemctl', 'is-active', 'x'])).toBe('systemctl is-active x');
    const long = describeCommand(['sh', '-c', `echo ${'a'.repeat(100)}\nmore`]);
    expect(long).toHaveLength(60);
    expect(long.endsWith('...')).toBe(true);
    expect(long).not.toContain('\n');
  });
});
