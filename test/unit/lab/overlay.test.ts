import { describe, expect, it } from 'vitest';
import { mountsUnder } from '../../../src/lab/overlay.js';

describe('overlay mounts', () => {
  it('lists mounts at or below a directory, deepest first, and not its siblings', () => {
    const mounts = [
      'overlay /s/hosts/hflab-1/root overlay rw 0 0',
      'proc /s/hosts/hflab-1/root/proc proc rw 0 0',
      'overlay /s/hosts/hflab-10/root overlay rw 0 0',
      '/dev/vda / ext4 rw 0 0',
    ].join('\n');
    expect(mountsUnder(mounts, '/s/hosts/hflab-1/root')).toEqual([
      '/s/hosts/hflab-1/root/proc',
      '/s/hosts/hflab-1/root',
    ]);
    expect(mountsUnder(mounts, '/s/hosts')).toHaveLength(3);
  });
});
