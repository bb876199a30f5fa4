import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unreadVarsDirsNote, varsDirsBeside } from '../../../src/ansible/vars-dirs.js';
import { scratchDir } from '../../support/scratch-dir.js';

describe('variable directories beside an inventory', () => {
  it('finds group_vars/ and host_vars/ directories, not files of those names', () => {
    const dir = scratchDir();
    const file = join(dir, 'hosts.ini');
    writeFileSync(file, '[web]\nweb1\n');
    expect(varsDirsBeside(file)).toEqual([]);
    expect(unreadVarsDirsNote(file)).toEqual([]);
    writeFileSync(join(dir, 'host_vars'), 'not a directory\n');
    mkdirSync(join(dir, 'group_vars'));
    expect(varsDirsBeside(file)).toEqual(['group_vars']);
  });

  it('names both directories and the way to include them', () => {
    const dir = scratchDir();
    const file = join(dir, 'inventory.yml');
    mkdirSync(join(dir, 'group_vars'));
    mkdirSync(join(dir, 'host_vars'));
    const [note] = unreadVarsDirsNote(file);
    expect(note).toContain('group_vars/ and host_vars/');
    expect(note).toContain(`ansible-inventory -i ${file} --list -y`);
  });
});
