import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { quoteArg, shellCommand } from '../../../src/util/shell-quote.js';

// Ask a real sh what words it sees, one per line.
function wordsSeenBySh(commandLine: string): string[] {
  const out = execFileSync('/bin/sh', ['-c', `for w in ${commandLine}; do printf '%s\\0' "$w"; done`]);
  return out.toString('utf8').split('\0').slice(0, -1);
}

describe('quoteArg', () => {
  it('leaves plain words unquoted', () => {
    expect(quoteArg('/etc/systemd/system/hub-platform.service')).toBe(
      '/etc/systemd/system/hub-platform.service',
    );
  });

  it.each([
    "it's",
    'a b',
    '$(reboot)',
    '`id`',
    'x;rm -rf /',
    'line\nbreak',
    '*',
    '',
    "''",
    '\\',
    '!event',
    '~root',
  ])('keeps %j one literal word for sh', (word) => {
    expect(wordsSeenBySh(quoteArg(word))).toEqual([word]);
  });

  it('refuses a NUL byte', () => {
    expect(() => quoteArg('a\0b')).toThrow(/NUL/);
  });
});

describe('shellCommand', () => {
  it('quotes each argument once', () => {
    expect(shellCommand(['systemctl', 'show', '-p', 'MemoryMax', "we'ird unit"])).toBe(
      "systemctl show -p MemoryMax 'we'\\''ird unit'",
    );
  });

  it('refuses an empty command', () => {
    expect(() => shellCommand([])).toThrow(/empty/);
  });
});
