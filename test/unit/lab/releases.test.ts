import { describe, expect, it } from 'vitest';
import { parseReleases, releaseOfHost } from '../../../src/lab/releases.js';

describe('lab releases', () => {
  it('reads a comma list of known releases', () => {
    expect(parseReleases('bullseye,bookworm,trixie')).toEqual(['bullseye', 'bookworm', 'trixie']);
    expect(parseReleases('trixie')).toEqual(['trixie']);
  });

  it('refuses an unknown release with a USAGE error naming it', () => {
    expect(() => parseReleases('bookworm,buster')).toThrow(
      expect.objectContaining({ code: 'USAGE', message: expect.stringContaining('"buster"') }),
    );
    expect(() => parseReleases('')).toThrow(expect.objectContaining({ code: 'USAGE' }));
  });

  it('spreads the list over the hosts round-robin', () => {
    const releases = ['bullseye', 'trixie'] as const;
    expect([1, 2, 3].map((index) => releaseOfHost(releases, index))).toEqual([
      'bullseye',
      'trixie',
      'bullseye',
    ]);
  });
});
