import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cgroupMountPoints, hostCgroupDirs, removeCgroupTree } from '../../../src/lab/cgroups.js';
import { scratchDir } from '../../support/scratch-dir.js';

const MOUNTS = `tmpfs /sys/fs/cgroup tmpfs rw 0 0
cgroup /sys/fs/cgroup/memory cgroup rw,memory 0 0
cgroup /sys/fs/cgroup/systemd cgroup rw,name=systemd 0 0
cgroup2 /sys/fs/cgroup/unified cgroup2 rw 0 0
proc /proc proc rw 0 0
`;

describe('lab cgroups', () => {
  it('finds every v1 and v2 hierarchy, not the tmpfs holding them', () => {
    expect(cgroupMountPoints(MOUNTS)).toEqual([
      '/sys/fs/cgroup/memory',
      '/sys/fs/cgroup/systemd',
      '/sys/fs/cgroup/unified',
    ]);
  });

  it('gives each host its own directory under hflab/ in every hierarchy', () => {
    expect(hostCgroupDirs('hflab-2', ['/a', '/b'])).toEqual(['/a/hflab/hflab-2', '/b/hflab/hflab-2']);
  });

  it('removes a directory tree bottom-up with rmdir', () => {
    const root = scratchDir('cg-');
    mkdirSync(path.join(root, 'hflab/hflab-1/init.scope'), { recursive: true });
    expect(removeCgroupTree(path.join(root, 'hflab'))).toEqual([]);
    expect(existsSync(path.join(root, 'hflab'))).toBe(false);
    expect(removeCgroupTree(path.join(root, 'gone'))).toEqual([]);
  });
});
