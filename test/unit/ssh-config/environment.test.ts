import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processResolveEnvironment } from '../../../src/ssh-config/environment.js';
import { scratchDir } from '../../support/scratch-dir.js';

describe('processResolveEnvironment readText', () => {
  it('reads a file, gives nothing for a missing one and an empty text for a directory (as ssh reads it)', () => {
    const dir = scratchDir();
    writeFileSync(join(dir, 'hosts.conf'), 'Host a\n');
    mkdirSync(join(dir, 'archive'));
    const env = processResolveEnvironment();
    expect(env.readText(join(dir, 'hosts.conf'))).toBe('Host a\n');
    expect(env.readText(join(dir, 'missing.conf'))).toBeUndefined();
    expect(env.readText(join(dir, 'archive'))).toBe('');
  });

  it('tells an included file ssh stops on (anyone can write it) from one it reads', () => {
    const dir = scratchDir();
    writeFileSync(join(dir, 'private.conf'), 'Host a\n', { mode: 0o600 });
    writeFileSync(join(dir, 'shared.conf'), 'Host a\n');
    chmodSync(join(dir, 'shared.conf'), 0o666);
    const env = processResolveEnvironment();
    expect(env.sshReadsConfig(join(dir, 'private.conf'))).toBe(true);
    expect(env.sshReadsConfig(join(dir, 'shared.conf'))).toBe(false);
  });
});
