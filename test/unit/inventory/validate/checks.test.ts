import { describe, expect, it } from 'vitest';
import { HfleetError } from '../../../../src/errors.js';
import {
  checkAddress,
  checkDisplayName,
  checkId,
  checkJump,
  checkLiteralPath,
  checkUnitStem,
  checkUserName,
  type StringCheck,
} from '../../../../src/inventory/validate/checks.js';
import type { ValidationContext } from '../../../../src/inventory/validate/context.js';

const CTX: ValidationContext = { file: 'inv.yml', home: '/home/tester', baseDir: '/srv' };

// True when the check lets the value through.
function passes(check: StringCheck, value: string): boolean {
  try {
    check(CTX, value, ['x']);
    return true;
  } catch (error) {
    if (error instanceof HfleetError) return false;
    throw error;
  }
}

describe('value checks', () => {
  it.each([
    [checkAddress, ['203.0.113.10', 'host.example.net', '::1', 'fe80::1%eth0', 'lab-1']],
    [
      checkJump,
      ['bastion', 'admin@bastion:2222', 'bastion.example:22', 'root@[2001:db8::1]:22', '10.213.0.1'],
    ],
    [checkLiteralPath, ['/', '/opt/honeyframe', '/srv/hf-2.0/data_dir', '/a/.hidden']],
    [checkUserName, ['root', 'honeyframe', '_svc', 'hf-user1']],
    [checkUnitStem, ['hub-platform', 'getty@tty1', 'a:b_c.d']],
    [checkId, ['acme', 'acme-1', '42', 'a.b_c']],
    [checkDisplayName, ['Acme Corp', 'Société Générale (EU)', "O'Brien & Sons"]],
  ] as [StringCheck, string[]][])('%o accepts good values', (check, values) => {
    for (const value of values) expect([value, passes(check, value)]).toEqual([value, true]);
  });

  it.each([
    [checkAddress, ['-oProxyCommand=x', '[::1]', 'a b', 'a;b', '$(id)', '']],
    [checkJump, ['-J', 'a@b@c', 'host:0', 'host:70000', 'user@', 'a b']],
    [
      checkLiteralPath,
      ['relative', '/a/../b', '/a/./b', '/a//b', '/a/', '/a b', '/a%i', '/a"b', "/a'b", '/a\\b', ''],
    ],
    [checkUserName, ['Root', '1abc', 'a b', 'a'.repeat(33), '']],
    [checkUnitStem, ['hub.service', 'a b', 'a/b', '']],
    [checkId, ['Acme', '-acme', '.acme', 'a/b', 'a b', '']],
    [checkDisplayName, ['', ' Acme', 'Acme ', 'A\tB', 'a\u2028b', '50%']],
  ] as [StringCheck, string[]][])('%o refuses bad values', (check, values) => {
    for (const value of values) expect([value, passes(check, value)]).toEqual([value, false]);
  });

  it('escapes control characters in the path and value of a message', () => {
    expect(() => checkId(CTX, 'a\nb', ['customers', 'a\nb'])).toThrow(
      "inv.yml: customers/a\\u000ab: 'a\\u000ab' must match",
    );
  });
});
