import { afterEach, describe, expect, it } from 'vitest';
import { failedRestart, restartScript } from '../../../src/remote/restart-script.js';
import { ShellSession } from '../../../src/remote/shell-session.js';
import { localShellChannel } from '../../../src/transport/shell-channel.js';

let session: ShellSession | undefined;
afterEach(() => session?.close());

// systemctl stands in as a shell function: restarting b.service fails, everything else succeeds.
const FAKE_SYSTEMCTL = `systemctl() { [ "$2" != b.service ]; }\n`;

describe('the restart script, run by a real sh', () => {
  it('stops at the first unit whose restart fails and names it', async () => {
    session = new ShellSession(localShellChannel(), 'local');
    const script = `${FAKE_SYSTEMCTL}${restartScript(['a.service', 'b.service', 'c.service'], [])}echo after\n`;
    const run = await session.run(script, { timeoutMs: 10_000, what: 'restart' });
    expect(failedRestart(run.stdout)).toBe('b.service');
    expect(run.stdout).not.toContain('after');
  });

  it('names no unit when every restart succeeds', async () => {
    session = new ShellSession(localShellChannel(), 'local');
    const run = await session.run(`${FAKE_SYSTEMCTL}${restartScript(['a.service'], [])}`, {
      timeoutMs: 10_000,
      what: 'restart',
    });
    expect(failedRestart(run.stdout)).toBeUndefined();
  });
});
