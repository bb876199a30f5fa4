import { describe, expect, it } from 'vitest';
import { globToRegExp } from '../../../src/inventory/glob.js';

describe('globToRegExp', () => {
  it.each([
    ['acme', 'acme', true],
    ['acme', 'acme-1', false],
    ['acme*', 'acme-1', true],
    ['*-1', 'globex-1', true],
    ['a?me', 'acme', true],
    ['a?me', 'ame', false],
    ['a.c', 'abc', false],
    ['a.c', 'a.c', true],
    ['(x|y)', 'x', false],
    ['*', '', true],
  ])('%s against %s: %s', (glob, name, expected) => {
    expect(globToRegExp(glob).test(name)).toBe(expected);
  });
});
