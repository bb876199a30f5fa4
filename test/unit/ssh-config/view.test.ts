import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../src/ssh-config/resolve.js';
import { settingsOf, sshView } from '../../../src/ssh-config/view.js';
import { fakeEnvironment } from './fake-environment.js';

// The typed settings of `config` for `destination`.
function settings(config: string, destination: string) {
  const env = fakeEnvironment();
  return settingsOf(resolveConfig({ file: '/home/tester/.ssh/config', text: config, destination, env }), env);
}

describe('settingsOf', () => {
  it("keeps BatchMode's 300 s keepalive when ServerAliveInterval is none (unset, as for ssh)", () => {
    const config = 'Host ops1\n  ServerAliveInterval none\nHost *\n  BatchMode yes\n';
    expect(settings(config, 'ops1').serverAliveInterval).toBe(300);
    expect(settings(config, 'ci1').serverAliveInterval).toBe(300);
    expect(settings('Host *\n  ServerAliveInterval none\n', 'ops1').serverAliveInterval).toBe(0);
    expect(settings('Host *\n  BatchMode yes\n  ServerAliveInterval 0\n', 'ops1').serverAliveInterval).toBe(
      0,
    );
  });
});

describe('sshView proxyjump', () => {
  it('brackets the last hop when it is an IPv4 address or has a colon, as ssh -G prints it', () => {
    const env = fakeEnvironment();
    const jump = (value: string) =>
      sshView(
        resolveConfig({ file: '/c', text: `Host *\n  ProxyJump ${value}\n`, destination: 'x', env }),
        env,
      ).proxyjump;
    expect(jump('student@192.0.2.10:22022')).toEqual(['student@[192.0.2.10]:22022']);
    expect(jump('192.0.2.12,gw:2200')).toEqual(['192.0.2.12,gw:2200']);
    expect(jump('admin@[2001:db8::1]:2200')).toEqual(['admin@[2001:db8::1]:2200']);
    expect(jump('gw.example.test')).toEqual(['gw.example.test']);
  });
});
