import { describe, expect, it } from 'vitest';
import { clientTokens, expandClientPath, percentExpand } from '../../../src/ssh-config/tokens.js';
import { fakeEnvironment } from './fake-environment.js';

const ENV = fakeEnvironment();
const TOKENS = clientTokens(
  { host: 'h.example', originalHost: 'h', user: 'ops', port: 2222, hostKeyAlias: undefined },
  ENV,
);

describe('client tokens', () => {
  it('expand as ssh expands them, %C being the SHA-1 of %l%h%p%r', () => {
    expect(percentExpand('%h %n %r %p %u %d %l %L %k %i 100%%', TOKENS, 'x')).toBe(
      'h.example h ops 2222 tester /home/tester laptop.lan laptop h.example 1000 100%',
    );
    expect(TOKENS['C']).toMatch(/^[0-9a-f]{40}$/);
  });

  it('refuse an unknown token, naming where it was', () => {
    expect(() => percentExpand('%j', TOKENS, 'cfg:3: IdentityFile')).toThrow(
      "cfg:3: IdentityFile: unknown token '%j'",
    );
  });

  it('expand ~, ~user and ${ENV} before the tokens', () => {
    expect(expandClientPath('~/.ssh/id_%r', TOKENS, ENV, 'x')).toBe('/home/tester/.ssh/id_ops');
    expect(expandClientPath('~root/k', TOKENS, ENV, 'x')).toBe('/root/k');
    expect(expandClientPath('${AGENT_DIR}/%h', TOKENS, ENV, 'x')).toBe('/run/agents/h.example');
    expect(() => expandClientPath('${NOPE}', TOKENS, ENV, 'x')).toThrow('${NOPE} is not set');
    expect(() => expandClientPath('~nobody/k', TOKENS, ENV, 'x')).toThrow("no such local user '~nobody'");
  });
});
