import { describe, expect, it } from 'vitest';
import { sshReadsConfigFile } from '../../../src/ssh-config/file-permissions.js';

const PASSWD =
  'root:x:0:0::/root:/bin/sh\nana:x:1000:1000::/home/ana:/bin/sh\nbo:x:1001:100::/home/bo:/bin/sh\n';
const GROUP = 'root:x:0:\nana:x:1000:\nusers:x:100:ana,bo\nsolo:x:1002:ana\n';

describe('sshReadsConfigFile', () => {
  it('reads a file of the user or root that only its owner can write', () => {
    expect(sshReadsConfigFile({ uid: 1000, gid: 1000, mode: 0o100600 }, 1000, PASSWD, GROUP)).toBe(true);
    expect(sshReadsConfigFile({ uid: 0, gid: 0, mode: 0o100644 }, 1000, PASSWD, GROUP)).toBe(true);
  });

  it('refuses a file another user owns, or anyone can write', () => {
    expect(sshReadsConfigFile({ uid: 1001, gid: 100, mode: 0o100600 }, 1000, PASSWD, GROUP)).toBe(false);
    expect(sshReadsConfigFile({ uid: 1000, gid: 1000, mode: 0o100666 }, 1000, PASSWD, GROUP)).toBe(false);
  });

  it('takes a group-writable file only when its group holds just the owner', () => {
    expect(sshReadsConfigFile({ uid: 1000, gid: 1000, mode: 0o100664 }, 1000, PASSWD, GROUP)).toBe(true);
    expect(sshReadsConfigFile({ uid: 1000, gid: 1002, mode: 0o100664 }, 1000, PASSWD, GROUP)).toBe(true);
    expect(sshReadsConfigFile({ uid: 1000, gid: 100, mode: 0o100664 }, 1000, PASSWD, GROUP)).toBe(false);
    expect(sshReadsConfigFile({ uid: 1000, gid: 4242, mode: 0o100664 }, 1000, PASSWD, GROUP)).toBe(false);
  });
});
