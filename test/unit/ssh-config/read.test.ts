import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { processResolveEnvironment } from '../../../src/ssh-config/environment.js';
import { readSshConfig } from '../../../src/ssh-config/read.js';

describe('readSshConfig', () => {
  let home: string;
  beforeEach(() => {
    home = mkdtempSync(join(tmpdir(), 'hfleet-sshcfg-'));
  });
  afterEach(() => rmSync(home, { recursive: true, force: true }));

  it('reads ~/.ssh/config when no file is given, and returns nothing when it is absent', () => {
    expect(readSshConfig(undefined, home)).toBeUndefined();
    mkdirSync(join(home, '.ssh'));
    writeFileSync(join(home, '.ssh', 'config'), 'Host a\n  Port 2\n');
    expect(readSshConfig(undefined, home)).toEqual({
      file: join(home, '.ssh', 'config'),
      text: 'Host a\n  Port 2\n',
    });
  });

  it('refuses a given file that cannot be read', () => {
    expect(() => readSshConfig(join(home, 'missing'), home)).toThrow(/cannot read the ssh config/);
  });

  it('reads a given file', () => {
    const file = join(home, 'cfg');
    writeFileSync(file, 'Host *\n');
    expect(readSshConfig(file, home)?.text).toBe('Host *\n');
  });

  it('refuses ~/.ssh/config that others can write, as ssh does, and reads such a file when it is given', () => {
    mkdirSync(join(home, '.ssh'));
    const file = join(home, '.ssh', 'config');
    writeFileSync(file, 'Host *\n');
    chmodSync(file, 0o666);
    const { sshReadsConfig } = processResolveEnvironment();
    expect(() => readSshConfig(undefined, home, sshReadsConfig)).toThrow(/Bad owner or permissions/);
    expect(readSshConfig(file, home, sshReadsConfig)?.text).toBe('Host *\n');
  });
});
