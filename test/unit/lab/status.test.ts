import { describe, expect, it } from 'vitest';
import { formatLabStatus } from '../../../src/lab/status.js';
import { validateHostCount } from '../../../src/lab/up.js';

describe('lab status and up arguments', () => {
  it('prints one row per host with state and SSH', () => {
    const text = formatLabStatus({
      stateDir: '/s',
      up: false,
      bridge: true,
      hosts: [
        {
          name: 'acme-1',
          customer: 'acme',
          machine: 'hflab-1',
          address: '10.213.1.1',
          release: 'bullseye',
          running: true,
          ssh: true,
        },
        {
          name: 'globex-1',
          customer: 'globex',
          machine: 'hflab-2',
          address: '10.213.1.2',
          release: 'trixie',
          running: false,
          ssh: false,
        },
      ],
    });
    expect(text).toMatch(/acme-1 +hflab-1 +10\.213\.1\.1 +bullseye +up +ssh ok/);
    expect(text).toMatch(/globex-1 +hflab-2 +10\.213\.1\.2 +trixie +down no ssh/);
    expect(formatLabStatus({ stateDir: '/s', up: false, bridge: false, hosts: [] })).toContain('no lab');
  });

  it('accepts 1 to 254 hosts', () => {
    expect(() => validateHostCount(50)).not.toThrow();
    expect(() => validateHostCount(0)).toThrow(expect.objectContaining({ code: 'USAGE' }));
    expect(() => validateHostCount(255)).toThrow();
    expect(() => validateHostCount(2.5)).toThrow();
  });
});
