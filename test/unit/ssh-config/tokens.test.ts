import { describe, expect, it } from 'vitest';
import { expandPath, expandTokens } from '../../../src/ssh-config/tokens.js';

const VALUES = {
  host: 'h.example',
  originalHost: 'h',
  remoteUser: 'ops',
  port: 2222,
  localUser: 'me',
  home: '/home/me',
};

describe('expandTokens', () => {
  it('replaces every supported token and %%', () => {
    expect(expandTokens('%h %n %r %p %u %d 100%%', VALUES, 'x')).toBe(
      'h.example h ops 2222 me /home/me 100%',
    );
  });

  it('refuses an unsupported token, naming where it was', () => {
    expect(() => expandTokens('%C', VALUES, 'cfg: Host h: IdentityFile')).toThrow(
      "cfg: Host h: IdentityFile: token '%C' is not supported by hfleet",
    );
  });
});

describe('expandPath', () => {
  it('expands ~/ to the home directory and resolves relative paths against cwd', () => {
    expect(expandPath('~/.ssh/id_%r', VALUES, '/cwd', 'x')).toBe('/home/me/.ssh/id_ops');
    expect(expandPath('keys/id', VALUES, '/cwd', 'x')).toBe('/cwd/keys/id');
    expect(expandPath('%d/k', VALUES, '/cwd', 'x')).toBe('/home/me/k');
  });
});
