import { describe, expect, it } from 'vitest';
import { hostAddress, hostPaths, machineName, stateDir, stateFiles } from '../../../src/lab/layout.js';

describe('lab layout', () => {
  it('keeps host addresses inside 10.213.1.0/24 and refuses others', () => {
    expect(hostAddress(1)).toBe('10.213.1.1');
    expect(hostAddress(254)).toBe('10.213.1.254');
    expect(() => hostAddress(0)).toThrow(RangeError);
    expect(() => hostAddress(255)).toThrow(RangeError);
    expect(() => hostAddress(1.5)).toThrow(RangeError);
  });

  it('prefixes machine names so down can find leftovers', () => {
    expect(machineName(7)).toBe('hflab-7');
  });

  it('uses HFLEET_LAB_DIR when set, else /var/lib/hfleet/lab', () => {
    expect(stateDir({})).toBe('/var/lib/hfleet/lab');
    expect(stateDir({ HFLEET_LAB_DIR: '/tmp/x' })).toBe('/tmp/x');
  });

  it('places host files under the state directory', () => {
    const paths = hostPaths('/s', 'hflab-2');
    expect(paths.upper).toBe('/s/hosts/hflab-2/upper');
    expect(paths.root).toBe('/s/hosts/hflab-2/root');
    expect(stateFiles('/s').key).toBe('/s/id_ed25519');
    expect(stateFiles('/s').knownHosts).toBe('/s/known_hosts');
  });
});
