import { describe, expect, it } from 'vitest';
import { listenAddressProblem } from '../../../../src/systemd/lint/listen-address.js';

// Each case was put to systemd-analyze verify (systemd 252); the conformance files hold the same shapes.
describe('socket addresses, as systemd 252 reads them', () => {
  const accepted = [
    ...['8080', ' 80 ', '+80', '010', '0x50', '0.0.0.0:80', '127.0.0.1:8080 ', '127.0.0.1:010'],
    ...['[::]:80', '[::1]:2947', '/run/app.sock', '/run/a b', '@abstract', 'vsock:2:1234', '%t/app.sock'],
  ];
  const ignored = [
    ...['5000 # pick your port', '80 81', '127.0.0.1: 80', '0', '65536', '0.0.0.0:0', '0.0.0.0:65536'],
    ...['localhost:8080', 'example.com:443', 'fe80::1:80', '*:80', ':80', 'run/app.sock', 'tcp://0.0.0.0:80'],
  ];

  it.each(['ListenStream', 'ListenDatagram', 'ListenSequentialPacket'])('%s', (key) => {
    for (const value of accepted) expect(listenAddressProblem(key, value), value).toBeUndefined();
    for (const value of ignored) expect(listenAddressProblem(key, value), value).toMatch(/ignoring/);
  });

  it("quotes systemd's message", () => {
    expect(listenAddressProblem('ListenStream', '5000 # pick your port')).toBe(
      "Failed to parse address value in '5000 # pick your port', ignoring",
    );
  });

  it('lets through shapes it is not sure of, and other settings', () => {
    for (const value of ['eth0', 'http', '08', '127.1:80'])
      expect(listenAddressProblem('ListenStream', value), value).toBeUndefined();
    expect(listenAddressProblem('ListenNetlink', 'kobject-uevent 1')).toBeUndefined();
    expect(listenAddressProblem('ListenFIFO', 'run/app.fifo')).toBeUndefined();
  });
});
