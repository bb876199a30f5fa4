import { describe, expect, it } from 'vitest';
import { labHostSpec } from '../../../src/lab/customers.js';
import { hostsFile, passwdIds } from '../../../src/lab/host-files.js';

describe('lab host files', () => {
  it('reads a user id from passwd text', () => {
    const passwd = 'root:x:0:0:root:/root:/bin/bash\ndeploy:x:1000:1000::/home/deploy:/bin/bash\n';
    expect(passwdIds(passwd, 'deploy')).toEqual({ uid: 1000, gid: 1000 });
    expect(passwdIds(passwd, 'nobody')).toBeUndefined();
  });

  it('resolves the host name locally', () => {
    expect(hostsFile(labHostSpec(1))).toContain('127.0.1.1 acme-1\n10.213.1.1 acme-1\n');
  });
});
