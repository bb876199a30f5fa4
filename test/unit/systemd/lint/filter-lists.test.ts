import { describe, expect, it } from 'vitest';
import { filterListProblem } from '../../../../src/systemd/lint/filter-lists.js';

// Each case was put to systemd-analyze verify (systemd 252); the conformance files hold the same shapes.
describe('sandboxing lists, as systemd 252 reads them', () => {
  it.each([
    [
      'SystemCallFilter',
      [
        '@system-service',
        '~@mount @swap',
        '~ @privileged @resources',
        '~@mount:EPERM',
        'chroot unshare mount',
      ],
      ['~@clock ~@debug', '~ptrace ~kill', 'kill ~', '@system-service,@network-io', '~@mount ## comment'],
    ],
    ['SystemCallFilter', ['~ptrace:EPERM'], ['write:EPERM read', '@basic-io:EPERM', ':EPERM', '"~@mount"']],
    ['SystemCallLog', ['~@clock @debug', 'write:1'], ['~@clock ~@debug']],
    [
      'RestrictAddressFamilies',
      ['AF_UNIX AF_INET AF_INET6', '~AF_INET6', '~ AF_INET', 'af_inet', 'none'],
      ['~AF_INET ~AF_INET6', 'AF_INET,AF_UNIX', 'AF_INET ## x', 'AF_INET ~', 'INET', 'none AF_INET', '~none'],
    ],
  ])('%s', (key, accepted, ignored) => {
    for (const value of accepted) expect(filterListProblem(key, value), value).toBeUndefined();
    for (const value of ignored) expect(filterListProblem(key, value), value).toMatch(/ignoring/);
  });

  it('names the word systemd drops', () => {
    expect(filterListProblem('SystemCallFilter', '~@clock ~@debug')).toBe(
      'Failed to parse system call, ignoring: ~@debug',
    );
    expect(filterListProblem('RestrictAddressFamilies', 'AF_INET,AF_UNIX')).toBe(
      'Failed to parse address family, ignoring: AF_INET,AF_UNIX',
    );
  });

  it('does not judge names it cannot know: groups and families of other versions, unknown system calls', () => {
    expect(filterListProblem('SystemCallFilter', '@sandbox landlock_create_ruleset')).toBeUndefined();
    expect(filterListProblem('RestrictAddressFamilies', 'AF_FOO')).toBeUndefined();
    expect(filterListProblem('CapabilityBoundingSet', '~CAP_A ~CAP_B')).toBeUndefined();
  });
});
