import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../src/ssh-config/resolve.js';
import { settingsOf } from '../../../src/ssh-config/view.js';
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
