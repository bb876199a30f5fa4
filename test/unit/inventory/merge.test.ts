import { describe, expect, it } from 'vitest';
import { mergeSsh, mergeVars } from '../../../src/inventory/merge.js';

describe('mergeVars', () => {
  it('lets later layers win, replaces lists, merges extra by name', () => {
    const vars = mergeVars([
      { memory_max: '1G', services: ['a', 'b'], extra: { x: 1, y: 'keep' } },
      { memory_max: '2G', services: ['c'], extra: { x: 2, list: ['p'] } },
      { extra: { list: ['q'] } },
    ]);
    expect(vars).toMatchObject({
      memory_max: '2G',
      services: ['c'],
      extra: { x: 2, y: 'keep', list: ['q'] },
    });
    expect(vars.run_as).toBe('root');
  });

  it('does not alias the layers it was given', () => {
    const layer = { services: ['a'], extra: { list: ['p'] } };
    const vars = mergeVars([layer]);
    vars.services.push('b');
    (vars.extra['list'] as string[]).push('q');
    expect(layer).toEqual({ services: ['a'], extra: { list: ['p'] } });
  });
});

describe('mergeSsh', () => {
  it('starts from defaults under the given home and applies layers in order', () => {
    expect(mergeSsh('/home/u', [{ user: 'a', port: 2200 }, { port: 2222 }])).toEqual({
      user: 'a',
      port: 2222,
      identityFile: undefined,
      knownHosts: '/home/u/.ssh/known_hosts',
      hostKeyChecking: 'strict',
      jump: undefined,
      become: false,
      connectTimeout: 10,
    });
  });
});
