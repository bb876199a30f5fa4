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
    '/usr/bin/mkdir -p /run/app ; /usr/bin/chown app /run/app',
    '/usr/bin/find /srv -name x -delete -exec /bin/true {} \\; ; true',
    '/usr/bin/true ; ; -/usr/bin/false ;',
    '/usr/bin/printf "a ; ./b"',
  ])('accepts %j', (text) => expect(execCommandProblem(text)).toBeUndefined());
  it.each([
    ['./bin/server', /absolute path/],
    ['bin/true', /absolute path/],
    ['+!/usr/bin/true', /absolute path: !\/usr\/bin\/true/],
    ['--/usr/bin/true', /absolute path/],
    ['/bin/echo "open', /unbalanced quotes/],
    ['-', /empty/],
    ['/usr/bin/true ; ./cleanup.sh', /absolute path: .\/cleanup.sh/],
    ['/usr/bin/true ; -scripts/cleanup', /absolute path: scripts\/cleanup/],
  ])('refuses %j', (text, problem) => expect(execCommandProblem(text)).toMatch(problem));
});
