import { describe, expect, it } from 'vitest';
import {
  environmentNamesProblem,
  environmentProblem,
} from '../../../../src/systemd/lint/environment-value.js';
import { splitQuotedWords } from '../../../../src/systemd/lint/quoted-words.js';

describe('environmentProblem', () => {
  it.each(['FOO=bar', '"FOO=bar baz" A=1', "A='x y'", 'EMPTY=', String.raw`SEP=\x2c PAD=a\sb`])(
    'accepts %j',
    (text) => expect(environmentProblem(text)).toBeUndefined(),
  );
  it.each([
    ['"FOO=bar', /unbalanced quotes/],
    ['FOO', /NAME=value/],
    ['=bar', /NAME=value/],
    [String.raw`PRICE=cost\$5`, /unknown escape sequence \\\$/],
    ['spring.profiles.active=prod', /not a variable name/],
    ['LOG-LEVEL=debug', /not a variable name/],
    ['2FA=on', /not a variable name/],
    ['ÜBER=1', /not a variable name/],
  ])('refuses %j', (text, problem) => expect(environmentProblem(text)).toMatch(problem));

  it('splits words on unquoted whitespace and drops the quotes', () => {
    expect(splitQuotedWords(`a "b c" d'e f'`)).toEqual(['a', 'b c', 'de f']);
  });
});

// Each case was put to systemd-analyze verify (systemd 252).
describe('environmentNamesProblem', () => {
  it('PassEnvironment= takes variable names only', () => {
    for (const text of ['HOME PATH', 'LANG', '_X1'])
      expect(environmentNamesProblem('PassEnvironment', text), text).toBeUndefined();
    for (const text of ['HOME=/root', '"HOME PATH"', 'PATH,HOME', '1A', 'a.b', 'A-B'])
      expect(environmentNamesProblem('PassEnvironment', text), text).toMatch(/Invalid environment name/);
  });

  it('UnsetEnvironment= takes names or NAME=value assignments', () => {
    for (const text of ['A=1 B', 'A=x y', 'TZ'])
      expect(environmentNamesProblem('UnsetEnvironment', text), text).toBeUndefined();
    for (const text of ['A-B', 'A.B=1'])
      expect(environmentNamesProblem('UnsetEnvironment', text), text).toMatch(/Invalid environment name/);
  });

  it('leaves specifiers, escapes and other settings alone', () => {
    expect(environmentNamesProblem('PassEnvironment', 'X_%i')).toBeUndefined();
    expect(environmentNamesProblem('Environment', 'A-B')).toBeUndefined();
  });
});
