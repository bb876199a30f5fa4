import { describe, expect, it } from 'vitest';
import { matchWords, splitWords } from '../../../src/ssh-config/lex.js';

describe('matchWords (Match criteria as ssh 9.2 splits them)', () => {
  it.each([
    ['host web1 user deploy', ['host', 'web1', 'user', 'deploy']],
    ['host=web1', ['host', 'web1']],
    ['originalhost = web1', ['originalhost', 'web1']],
    ['exec "test -f /tmp/flag" host web1', ['exec', 'test -f /tmp/flag', 'host', 'web1']],
    ['exec "true"host web1', ['exec', 'true', 'host', 'web1']],
    ["exec 'true'", ['exec', "'true'"]],
    ['host web1 # a note', ['host', 'web1', '#', 'a', 'note']],
  ])('%j', (text, words) => expect(matchWords(text)).toEqual(words));

  it('ends a quoted word at the next quote: a backslash does not escape it', () => {
    expect(matchWords(String.raw`exec "grep -q \"x\" /etc/motd"`)).toEqual([
      'exec',
      'grep -q \\',
      'x\\ /etc/motd',
    ]);
    expect(splitWords(String.raw`exec "grep -q \"x\" /etc/motd"`)).toEqual(['exec', 'grep -q "x" /etc/motd']);
  });

  it('stops at an empty word or a quote left open', () => {
    expect(matchWords('exec "" host web1')).toEqual(['exec']);
    expect(matchWords(String.raw`exec "echo \"x" host web1`)).toEqual(['exec', 'echo \\']);
  });
});
