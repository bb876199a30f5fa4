import { describe, expect, it } from 'vitest';
import { connectionOf, firstNonNull } from '../../../src/ansible/connection.js';

// Expected logins are what Ansible's ssh connection runs for the same vars (`ansible -vvv` shows the ssh
// command): a null setting is skipped, an empty user gives ssh no user, an empty address is an error.
describe('firstNonNull', () => {
  it('skips a null spelling for the next one', () => {
    expect(firstNonNull({ a: null, b: 'x' }, ['a', 'b'])).toEqual(['b', 'x']);
    expect(firstNonNull({ a: '', b: 'x' }, ['a', 'b'])).toEqual(['a', '']);
    expect(firstNonNull({ a: null }, ['a', 'b'])).toBeUndefined();
  });
});

describe('connectionOf', () => {
  it('connects to the inventory name when every address variable is null', () => {
    expect(connectionOf('db1.example.net', { ansible_host: null })).toMatchObject({
      connection: { address: 'db1.example.net', port: undefined, user: undefined },
    });
  });

  it('takes ansible_host when ansible_ssh_host is null', () => {
    expect(connectionOf('db1', { ansible_ssh_host: null, ansible_host: '192.0.2.9' })).toMatchObject({
      connection: { address: '192.0.2.9' },
    });
  });

  it('reads a null port or user as unset, and the other spelling when it has one', () => {
    expect(connectionOf('a', { ansible_port: null, ansible_user: null })).toMatchObject({
      connection: { address: 'a', port: undefined, user: undefined, defaulted: [] },
    });
    const both = { ansible_ssh_port: null, ansible_port: 2207, ansible_ssh_user: null, ansible_user: 'ops' };
    expect(connectionOf('a', both)).toMatchObject({ connection: { port: 2207, user: 'ops' } });
  });

  it('reads an empty user as the local user, with a note', () => {
    const verdict = connectionOf('a', { ansible_user: '' });
    expect(verdict).toMatchObject({ connection: { user: undefined } });
    expect('connection' in verdict && verdict.connection.defaulted).toEqual([
      expect.stringMatching(/^ansible_user is empty: /),
    ]);
  });

  it('still refuses an empty address and an empty port (Ansible fails on both)', () => {
    expect(connectionOf('a', { ansible_host: '' })).toEqual({
      refusal: expect.stringMatching(/^ansible_host "" is not an IP address/),
    });
    expect(connectionOf('a', { ansible_port: '' })).toEqual({
      refusal: expect.stringMatching(/^ansible_port "" is not a port number/),
    });
  });

  it('takes a null ansible_connection as the default, ssh', () => {
    expect(connectionOf('a', { ansible_connection: null })).toMatchObject({ connection: { address: 'a' } });
  });
});
