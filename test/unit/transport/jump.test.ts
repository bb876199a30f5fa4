import { describe, expect, it } from 'vitest';
import { parseJump } from '../../../src/transport/jump.js';

describe('parseJump', () => {
  it.each([
    ['bastion', { user: 'root', address: 'bastion', port: 22 }],
    ['admin@bastion', { user: 'admin', address: 'bastion', port: 22 }],
    ['admin@10.213.0.1:2222', { user: 'admin', address: '10.213.0.1', port: 2222 }],
    ['[::1]:2200', { user: 'root', address: '::1', port: 2200 }],
  ])('%s', (spec, expected) => {
    expect(parseJump(spec, 'root')).toEqual(expected);
  });

  it.each(['', 'a@', 'host:0', 'host:99999', 'host:port', 'a b'])('rejects %j with SSH_CONFIG', (spec) => {
    expect(() => parseJump(spec, 'root')).toThrow(expect.objectContaining({ code: 'SSH_CONFIG' }));
  });
});
