import { describe, expect, it } from 'vitest';
import { assertLabPlatform, missingPackages } from '../../../src/lab/prerequisites.js';

describe('lab prerequisites', () => {
  it('refuses other platforms and non-root users with a LAB error', () => {
    expect(() => assertLabPlatform('darwin', 0)).toThrow(expect.objectContaining({ code: 'LAB' }));
    expect(() => assertLabPlatform('linux', 1000)).toThrow(/root/);
    expect(() => assertLabPlatform('linux', 0)).not.toThrow();
  });

  it('asks for each missing package once', () => {
    expect(missingPackages(() => true)).toEqual([]);
    expect(missingPackages((program) => program !== 'ssh' && program !== 'ssh-keygen')).toEqual([
      'openssh-client',
    ]);
    expect(missingPackages(() => false)).toContain('systemd-container');
  });
});
