import { describe, expect, it } from 'vitest';
import { isGlobPattern, matchGlob } from '../../../src/ssh-config/glob.js';

describe('matchGlob', () => {
  it('matches *, ? and bracket expressions as glob(3) does', () => {
    expect(matchGlob('rack7.inc', 'rack[0-9].inc')).toBe(true);
    expect(matchGlob('rackA.inc', 'rack[0-9].inc')).toBe(false);
    expect(matchGlob('b2', '[!a]*')).toBe(true);
    expect(matchGlob('a1', '[!a]*')).toBe(false);
    expect(matchGlob('^q', '[^a]*')).toBe(true);
    expect(matchGlob('a1', '[]a]?')).toBe(true);
    expect(matchGlob('7x', '[[:digit:]]*')).toBe(true);
    expect(matchGlob('a1', '[b-a]*')).toBe(false);
    expect(matchGlob('x[', 'x[')).toBe(true);
    expect(matchGlob('a1', '\\a1')).toBe(true);
    expect(matchGlob('customer-a.inc', 'customer-*.inc')).toBe(true);
  });

  it('matches a name starting with a dot only with a pattern starting with a dot', () => {
    expect(matchGlob('.edge-local', '*')).toBe(false);
    expect(matchGlob('.edge-local', '?edge*')).toBe(false);
    expect(matchGlob('.edge-local', '.edge*')).toBe(true);
  });

  it('tells patterns from plain names', () => {
    expect(isGlobPattern('config.d')).toBe(false);
    expect(isGlobPattern('rack[0-9].inc')).toBe(true);
    expect(isGlobPattern('\\a1')).toBe(true);
  });
});
