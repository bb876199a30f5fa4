import { describe, expect, it } from 'vitest';
import { joinAndExecScript, LAB_INIT, nspawnArgs } from '../../../src/lab/nspawn.js';

describe('nspawn command line', () => {
  it('boots the wrapper init without machined, on the lab bridge, powering off on SIGTERM', () => {
    const args = nspawnArgs('/s/hosts/hflab-1/root', 'hflab-1');
    expect(args.slice(0, 5)).toEqual(['systemd-nspawn', '-D', '/s/hosts/hflab-1/root', '-M', 'hflab-1']);
    expect(args).toEqual(
      expect.arrayContaining([
        '--register=no',
        '--keep-unit',
        '--network-bridge=hflab0',
        '--kill-signal=SIGRTMIN+3',
      ]),
    );
    expect(args.at(-1)).toBe(LAB_INIT);
  });

  it('joins every cgroup before exec, with every path quoted', () => {
    const script = joinAndExecScript(
      ['/sys/fs/cgroup/memory/hflab/h 1/cgroup.procs', '/x/cgroup.procs'],
      ['systemd-nspawn', '-D', "/r o'ot"],
    );
    expect(script).toBe(
      "echo $$ > '/sys/fs/cgroup/memory/hflab/h 1/cgroup.procs' && echo $$ > /x/cgroup.procs && exec systemd-nspawn -D '/r o'\\''ot'",
    );
  });
});
