import { describe, expect, it } from 'vitest';
import { parseFacts } from '../../../src/facts/parse.js';
import { monotonicToUnix } from '../../../src/facts/show-properties.js';

const NO_REQUEST = { files: [], dropinDirs: [], users: [], ownership: [], units: [], health: [], exists: [] };

describe('systemd times', () => {
  it('turns microseconds since boot into epoch seconds from the host boot time', () => {
    expect(monotonicToUnix('5250000', 1_732_800_000)).toBe(1_732_800_005.25);
  });

  it('is undefined for an unset time (0), an unreadable one, or an unknown boot time', () => {
    expect(monotonicToUnix('0', 1_732_800_000)).toBeUndefined();
    expect(monotonicToUnix('', 1_732_800_000)).toBeUndefined();
    expect(monotonicToUnix('Sun 2026-11-29 13:46:24 UTC', 1_732_800_000)).toBeUndefined();
    expect(monotonicToUnix('5250000', undefined)).toBeUndefined();
  });

  it('takes the boot time from the clock line: the host clock less its uptime', () => {
    const facts = parseFacts('N\t1732800100.500000000\t90.25\n', NO_REQUEST);
    expect(facts.now).toBe(1_732_800_100.5);
    expect(facts.bootedAt).toBe(1_732_800_010.25);
    expect(parseFacts('N\t1732800100\n', NO_REQUEST).bootedAt).toBeUndefined();
  });
});
