import { describe, expect, it } from 'vitest';
import { isNspawnOf, labMachineOfArgv, processAlive } from '../../../src/lab/processes.js';

describe('lab processes', () => {
  it('recognises only systemd-nspawn running a lab machine', () => {
    expect(labMachineOfArgv(['systemd-nspawn', '-D', '/r', '-M', 'hflab-3'])).toBe('hflab-3');
    expect(labMachineOfArgv(['/usr/bin/systemd-nspawn', '--machine=hflab-12'])).toBe('hflab-12');
    expect(labMachineOfArgv(['systemd-nspawn', '-M', 'other'])).toBeUndefined();
    expect(labMachineOfArgv(['sleep', '-M', 'hflab-1'])).toBeUndefined();
  });

  it('does not take an unrelated live process for a lab machine', () => {
    expect(processAlive(process.pid)).toBe(true);
    expect(isNspawnOf(process.pid, 'hflab-1')).toBe(false);
    expect(isNspawnOf(undefined, 'hflab-1')).toBe(false);
  });
});
