import { describe, expect, it } from 'vitest';
import { HfleetError } from '../../../src/errors.js';
import { streamHostLogs } from '../../../src/logs/logs-host.js';
import type { ChannelOpener } from '../../../src/remote/open-session.js';
import { scriptedChannel, splitAt } from '../../support/scripted-channel.js';
import { hostFixture } from '../render/host-fixture.js';

const JOURNAL = '2026-11-29T10:00:00+0000 acme-1 hub[1]: Café 日本 started\nlast line é';

async function streamed(open: ChannelOpener) {
  const out: string[] = [];
  const result = await streamHostLogs(hostFixture(), ['journalctl'], open, {
    prefix: 'acme-1 | ',
    follow: false,
    write: (text) => out.push(text),
    writeError: () => {},
    register: () => {},
  });
  return { result, out: out.join('') };
}

describe('streamHostLogs', () => {
  it('prefixes whole lines and keeps every character whole wherever a packet ends', async () => {
    const bytes = Buffer.from(JOURNAL, 'utf8');
    for (let offset = 0; offset <= bytes.length; offset++) {
      const { result, out } = await streamed(async () => {
        const scripted = scriptedChannel();
        setImmediate(() => {
          for (const packet of splitAt(bytes, offset)) scripted.stdout(packet);
          scripted.closeWith('the remote shell exited (0)');
        });
        return scripted.channel;
      });
      expect(result).toEqual({ host: 'acme-1', error: null, error_code: null });
      expect({ offset, out }).toEqual({
        offset,
        out: `acme-1 | ${JOURNAL.split('\n')[0]}\nacme-1 | last line é\n`,
      });
    }
  });

  it('reports a host it could not reach with its error code', async () => {
    const { result, out } = await streamed(async () => {
      throw new HfleetError('SSH_REFUSED', 'acme-1 (10.213.1.1:22): connection refused');
    });
    expect(result).toEqual({
      host: 'acme-1',
      error: 'acme-1 (10.213.1.1:22): connection refused',
      error_code: 'SSH_REFUSED',
    });
    expect(out).toBe('');
  });
});
