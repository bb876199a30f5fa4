import { describe, expect, it } from 'vitest';
import { environmentProblem } from '../../../../src/systemd/lint/environment-value.js';
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
