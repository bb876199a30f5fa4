import { describe, expect, it } from 'vitest';
import { execCommandProblem } from '../../../../src/systemd/lint/exec-command.js';

describe('execCommandProblem', () => {
  it.each([
    '/usr/bin/true',
    'true',
    '-@:/usr/bin/env name',
    '+/usr/bin/true',
    '!!/usr/bin/true',
    '"/usr/bin/my tool" --flag',
    "/bin/sh -c 'a ; b'",
  ])('accepts %j', (text) => expect(execCommandProblem(text)).toBeUndefined());
  it.each([
    ['./bin/server', /absolute path/],
    ['bin/true', /absolute path/],
    ['+!/usr/bin/true', /absolute path: !\/usr\/bin\/true/],
    ['--/usr/bin/true', /absolute path/],
    ['/bin/echo "open', /unbalanced quotes/],
    ['-', /empty/],
  ])('refuses %j', (text, problem) => expect(execCommandProblem(text)).toMatch(problem));
});
