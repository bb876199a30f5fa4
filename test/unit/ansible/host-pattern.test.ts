import { describe, expect, it } from 'vitest';
import { expandHostPattern } from '../../../src/ansible/host-pattern.js';

describe('expandHostPattern', () => {
  it.each([
    ['web1', ['web1']],
    ['web[01:03].example', ['web01.example', 'web02.example', 'web03.example']],
    ['db-[a:c]', ['db-a', 'db-b', 'db-c']],
    ['n[0:10:5]', ['n0', 'n5', 'n10']],
    ['r[1:2]-[a:b]', ['r1-a', 'r1-b', 'r2-a', 'r2-b']],
  ])('%s', (pattern, names) => {
    expect(expandHostPattern(pattern)).toEqual(names);
  });

  it('refuses reversed, mixed and huge ranges', () => {
    expect(() => expandHostPattern('a[3:1]')).toThrow(/empty or too large/);
    expect(() => expandHostPattern('a[1:c]')).toThrow(/bad range/);
    expect(() => expandHostPattern('a[0:999999]')).toThrow(/too large/);
  });
});
