import { describe, expect, it } from 'vitest';
import { shellWords } from '../../../src/ansible/shell-words.js';

// Expected words are what Python's shlex.split(line, comments=True) gives.
describe('shellWords', () => {
  it.each([
    ['web1 ansible_host=192.0.2.1 # primary', ['web1', 'ansible_host=192.0.2.1']],
    [`a x="two words" y='q'`, ['a', 'x=two words', 'y=q']],
    ['a x=b#c', ['a', 'x=b']],
    ['a "" b', ['a', '', 'b']],
    ['a x="a\\"b" y="\\d"', ['a', 'x=a"b', 'y=\\d']],
    ['a x=a\\ b', ['a', 'x=a b']],
    [`h v='{{ x }}'`, ['h', 'v={{ x }}']],
    ['a x="a""b"', ['a', 'x=ab']],
  ])('%s', (line, words) => {
    expect(shellWords(line, 'hosts:1')).toEqual(words);
  });

  it('refuses an unclosed quote, naming the line', () => {
    expect(() => shellWords('a x="b', 'hosts:3')).toThrow('hosts:3: no closing quotation');
  });
});
