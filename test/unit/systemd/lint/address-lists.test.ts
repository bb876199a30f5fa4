import { describe, expect, it } from 'vitest';
import { addressListProblem } from '../../../../src/systemd/lint/address-lists.js';

// Each case was put to systemd-analyze verify (systemd 252); the conformance files hold the same shapes.
describe('IP address lists, as systemd 252 reads them', () => {
  it.each(['IPAddressAllow', 'IPAddressDeny'])('%s', (key) => {
    const accepted = [
      ...['any', 'localhost', 'link-local multicast', '10.0.0.0/8 192.168.0.0/16', '0.0.0.0/0'],
      ...['127.0.0.1', '::1/128', 'fe80::/64', ' 10.1.2.3 '],
    ];
    const ignored = [
      ...['example.com', '10.0.0.0/33', '10.0.0.0/8,192.168.0.0/16', '10.0.0.1 # x', '10.0.0.300'],
      ...['10.0.0', 'cafe', 'fe80::/129'],
    ];
    for (const value of accepted) expect(addressListProblem(key, value), value).toBeUndefined();
    for (const value of ignored) expect(addressListProblem(key, value), value).toMatch(/ignoring/);
  });

  it('names the word systemd drops, and leaves other settings alone', () => {
    expect(addressListProblem('IPAddressAllow', 'localhost example.com')).toBe(
      'Address prefix is invalid, ignoring assignment: example.com',
    );
    expect(addressListProblem('IPAccounting', 'maybe')).toBeUndefined();
  });
});
