import { describe, expect, it } from 'vitest';
import { journalArgv, LinePrefixer, logsUnit } from '../../../src/logs/journal.js';

describe('logs helpers', () => {
  it('names the unit: a bare service gets .service, other unit types stay, odd names are refused', () => {
    expect(logsUnit('hub-platform')).toBe('hub-platform.service');
    expect(logsUnit('dbt-run.timer')).toBe('dbt-run.timer');
    expect(() => logsUnit('x; rm -rf /')).toThrow(/not a unit name/);
    expect(() => logsUnit('--all')).toThrow(/not a unit name/);
  });

  it('builds the journalctl argv, following only when asked', () => {
    expect(journalArgv('a.service', 20, false)).toEqual([
      'journalctl',
      '-q',
      '-u',
      'a.service',
      '-n',
      '20',
      '--no-pager',
      '-o',
      'short-iso',
    ]);
    const follow = journalArgv('a.service', 0, true);
    expect(follow.slice(0, 2)).toEqual(['sh', '-c']);
    expect(follow[2]).toBe(
      'journalctl -q -u a.service -n 0 --no-pager -o short-iso -f & hf_pid=$!; cat >/dev/null; kill "$hf_pid" 2>/dev/null',
    );
    expect(() => journalArgv('a.service', -1, false)).toThrow(/-n/);
  });

  it('prefixes whole lines only, holding a partial line until it ends or the stream does', () => {
    const lines = new LinePrefixer('acme-1 | ');
    expect(lines.push('one\ntw')).toBe('acme-1 | one\n');
    expect(lines.push('o\nthr')).toBe('acme-1 | two\n');
    expect(lines.push('ee')).toBe('');
    expect(lines.flush()).toBe('acme-1 | three\n');
    expect(lines.flush()).toBe('');
  });
});
