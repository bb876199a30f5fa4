import { describe, expect, it } from 'vitest';
import { sameTimespan, showBoolean, showMemoryMax, timespanUsec } from '../../../src/drift/systemd-values.js';

describe('systemd value grammars', () => {
  it('reads time spans as systemd writes and shows them', () => {
    expect(timespanUsec('15')).toBe(15_000_000);
    expect(timespanUsec('15s')).toBe(15_000_000);
    expect(timespanUsec('1min 30s')).toBe(90_000_000);
    expect(timespanUsec('1h 2min')).toBe(3_720_000_000);
    expect(timespanUsec('500ms')).toBe(500_000);
    expect(timespanUsec('infinity')).toBe('infinity');
    expect(timespanUsec('soon')).toBeUndefined();
    expect(timespanUsec('5 parsecs')).toBeUndefined();
    expect(sameTimespan('90', '1min 30s')).toBe(true);
    expect(sameTimespan('15', '1min 30s')).toBe(false);
  });

  it('shows booleans and memory limits as systemctl show does', () => {
    expect(['true', 'on', '1', 'yes'].map(showBoolean)).toEqual(['yes', 'yes', 'yes', 'yes']);
    expect(['false', 'off', '0', 'no'].map(showBoolean)).toEqual(['no', 'no', 'no', 'no']);
    expect(showMemoryMax('1500M')).toBe('1572864000');
    expect(showMemoryMax('900M')).toBe('943718400');
    expect(showMemoryMax('2G')).toBe('2147483648');
    expect(showMemoryMax('infinity')).toBe('infinity');
    expect(showMemoryMax('50%')).toBeUndefined();
  });
});
