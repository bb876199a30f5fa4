import { describe, expect, it } from 'vitest';
import { markInvisibles, unifiedDiff } from '../../../src/engine/file-diff.js';

describe('unifiedDiff', () => {
  it('marks a CRLF line end, a byte-order mark and trailing blanks on the changed lines', () => {
    const diff = unifiedDiff('/etc/x.service', '\uFEFF[Unit]\r\nA=1 \t\nB=2\n', '[Unit]\nA=1\nB=2\n');
    expect(diff.split('\n')).toEqual([
      '--- /etc/x.service (on host)',
      '+++ /etc/x.service (rendered)',
      '@@ -1,3 +1,3 @@',
      '-<BOM>[Unit]␍',
      '-A=1·→',
      '+[Unit]',
      '+A=1',
      ' B=2',
      '',
    ]);
  });

  it('leaves ordinary lines and the file headers as they are', () => {
    expect(markInvisibles('ExecStart=/usr/bin/python3 -m app')).toBe('ExecStart=/usr/bin/python3 -m app');
    expect(unifiedDiff('/etc/--- odd', 'a\n', 'b\n').split('\n')[0]).toBe('--- /etc/--- odd (on host)');
  });
});
