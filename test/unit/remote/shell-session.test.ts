import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ShellSession } from '../../../src/remote/shell-session.js';
import { localShellChannel } from '../../../src/transport/shell-channel.js';
import { scratchDir } from '../../support/scratch-dir.js';

let session: ShellSession | undefined;
afterEach(() => session?.close());

function open(): ShellSession {
  session = new ShellSession(localShellChannel(), 'test-host');
  return session;
}

describe('ShellSession', () => {
  it('runs scripts one after another in the same shell and keeps state between them', async () => {
    const shell = open();
    await shell.run('HF_STATE=kept; echo first', { timeoutMs: 5000, what: 'one' });
    const second = await shell.run('echo "$HF_STATE"; echo oops >&2; return 3', {
      timeoutMs: 5000,
      what: 'two',
    });
    expect(second).toEqual({ stdout: 'kept\n', stderr: 'oops\n', status: 3 });
    expect(shell.stats.roundTrips).toBe(2);
  });

  it('keeps output without a final newline intact', async () => {
    const result = await open().run("printf 'no newline'", { timeoutMs: 5000, what: 'printf' });
    expect(result.stdout).toBe('no newline');
  });

  it('never runs a script that arrives truncated (the connection drops mid-write)', async () => {
    const dir = scratchDir('hfleet-trunc-');
    const channel = localShellChannel();
    const closed = new Promise<void>((resolve) => channel.onClose(() => resolve()));
    channel.write(`hf_cut() {\ntouch ${dir}/written\n`);
    channel.end();
    await closed;
    expect(existsSync(path.join(dir, 'written'))).toBe(false);
  });

  it('times out with a clear error and closes the session', async () => {
    const shell = open();
    await expect(shell.run('sleep 5', { timeoutMs: 200, what: 'a slow step' })).rejects.toThrow(
      'test-host: a slow step did not finish in 0.2 s',
    );
  });

  it('reports a lost connection', async () => {
    const shell = open();
    await expect(shell.run('kill -9 $$', { timeoutMs: 5000, what: 'the apply step' })).rejects.toThrow(
      /test-host: connection lost during the apply step/,
    );
    await expect(shell.run('true', { timeoutMs: 5000, what: 'more' })).rejects.toThrow(
      /connection lost before more/,
    );
  });
});
