import { describe, expect, it } from 'vitest';
import { sshConfigNotes } from '../../../src/ssh-config/notes.js';

describe('sshConfigNotes', () => {
  it('names each feature hfleet does not act on, once', () => {
    const text =
      'Include conf.d/*\nHost a\n  ProxyCommand nc %h %p\n  Include more\nMatch exec "true"\n  Port 1\n';
    expect(sshConfigNotes(text, 'cfg')).toEqual([
      'cfg: Include is not followed; hfleet reads only this file',
      'cfg: ProxyCommand is ignored (ProxyJump is supported)',
      'cfg: Match exec blocks never match (hfleet runs no local commands)',
    ]);
  });

  it('has nothing to say about a plain config', () => {
    expect(sshConfigNotes('Host a\n  HostName b\n  User c\n', 'cfg')).toEqual([]);
  });
});
