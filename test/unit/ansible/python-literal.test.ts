import { describe, expect, it } from 'vitest';
import { pythonLiteral } from '../../../src/ansible/python-literal.js';

// Expected values are what Python's ast.literal_eval gives (the text itself where it refuses), as JSON.
const CASES: [string, unknown][] = [
  ['2222', 2222],
  ["'2222'", '2222'],
  ['True', true],
  ['yes', 'yes'],
  ['0755', '0755'],
  ['1.5', 1.5],
  ['-5', -5],
  ['0x1F', 31],
  ['1_000', 1000],
  ["[1, 'a']", [1, 'a']],
  ["{'a': 1, 'b': [True, None]}", { a: 1, b: [true, null] }],
  ['a b', 'a b'],
  ['foo # bar', 'foo # bar'],
  ['2222 # port', 2222],
  ["'a' 'b'", 'ab'],
  ['1,2', [1, 2]],
  ['(1)', 1],
  ['(1,)', [1]],
  ['()', []],
  ['1e3', 1000],
  ['None', null],
  ['"it\'s"', "it's"],
  ["'\\x41\\n'", 'A\n'],
  ["r'\\d'", '\\d'],
  ["b'abc'", 'abc'],
  ['10abc', '10abc'],
  ['192.168.1.1', '192.168.1.1'],
  ['1.', 1],
  ['.5', 0.5],
  ['{}', {}],
  ['[]', []],
  ['[1,]', [1]],
  ['0', 0],
  ['00', 0],
  ['-0x10', -16],
  ["'unterminated", "'unterminated"],
  ["f'x'", "f'x'"],
  ['/usr/bin/python3', '/usr/bin/python3'],
  ["{'a': 1,}", { a: 1 }],
  ["'a' # c", 'a'],
  ['1:2', '1:2'],
  ['01', '01'],
  ['$HOME', '$HOME'],
  ["'{{ x }}'", '{{ x }}'],
];

describe('pythonLiteral', () => {
  it.each(CASES)('%s', (text, value) => {
    expect(pythonLiteral(text)).toEqual(value);
  });
});
