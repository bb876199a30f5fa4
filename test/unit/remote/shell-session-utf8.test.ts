import { describe, expect, it } from 'vitest';
import { ShellSession } from '../../../src/remote/shell-session.js';
import { scriptedChannel, splitAt } from '../../support/scripted-channel.js';

const TEXT = 'Description=Café 日本 👍\n';

// Answer each framed script with TEXT on stdout, cut into two packets at `offset`, then the end markers.
function sessionAnswering(offset: number): ShellSession {
  const scripted = scriptedChannel((framed, self) => {
    const marker = /(@@hfleet-done-[0-9a-f]+)/.exec(framed)?.[1] ?? '';
    const bytes = Buffer.from(`${TEXT}\n${marker} 0\n`, 'utf8');
    for (const packet of splitAt(bytes, offset)) self.stdout(packet);
    for (const packet of splitAt(Buffer.from(`é\n${marker}\n`, 'utf8'), 1)) self.stderr(packet);
  });
  return new ShellSession(scripted.channel, 'test-host');
}

describe('ShellSession decodes each stream as UTF-8, not each packet', () => {
  it('keeps every character whole wherever the packets split the text', async () => {
    const textBytes = Buffer.byteLength(TEXT);
    for (let offset = 0; offset <= textBytes; offset++) {
      const result = await sessionAnswering(offset).run('cat unit', { timeoutMs: 5000, what: 'reading' });
      expect({ offset, stdout: result.stdout }).toEqual({ offset, stdout: TEXT });
      expect(result.stderr).toBe('é');
      expect(result.stdout).not.toContain('\uFFFD');
    }
  });
});
