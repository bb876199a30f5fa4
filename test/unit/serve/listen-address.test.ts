import { describe, expect, it } from 'vitest';
import { checkListenToken, DEFAULT_PORT, parseListen } from '../../../src/serve/listen-address.js';

describe('parseListen', () => {
  it('defaults to loopback on the default port', () => {
    expect(parseListen(undefined)).toEqual({ host: '127.0.0.1', port: DEFAULT_PORT, loopback: true });
  });

  it('reads ADDR:PORT, [IPv6]:PORT and a bare port', () => {
    expect(parseListen('0.0.0.0:80')).toEqual({ host: '0.0.0.0', port: 80, loopback: false });
    expect(parseListen('[::1]:9000')).toEqual({ host: '::1', port: 9000, loopback: true });
    expect(parseListen(':9000')).toEqual({ host: '127.0.0.1', port: 9000, loopback: true });
    expect(parseListen('9000')).toEqual({ host: '127.0.0.1', port: 9000, loopback: true });
    expect(parseListen('localhost:9000').loopback).toBe(true);
  });

  it('refuses what is not an address and a port', () => {
    for (const bad of ['example.org:80', '127.0.0.1:99999', '127.0.0.1', 'a:b', '[::1]'])
      expect(() => parseListen(bad)).toThrow(/--listen: '.*' is not ADDR:PORT/);
  });
});

describe('checkListenToken', () => {
  it('needs a token off loopback only', () => {
    expect(() => checkListenToken(parseListen('0.0.0.0:80'), undefined)).toThrow(/needs --token/);
    expect(() => checkListenToken(parseListen('0.0.0.0:80'), 's3cret')).not.toThrow();
    expect(() => checkListenToken(parseListen('127.0.0.1:80'), undefined)).not.toThrow();
  });
});
