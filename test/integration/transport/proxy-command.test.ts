// A ProxyCommand runs in a session of its own (a terminal's Ctrl-C reaches hfleet alone), carries bytes both
// ways, passes its stderr on line by line, and is stopped with the connection.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { startProxyCommand } from '../../../src/transport/proxy-command.js';

function sessionOf(pid: number): string {
  return execFileSync('ps', ['-o', 'sid=', '-p', String(pid)], { encoding: 'utf8' }).trim();
}

describe('startProxyCommand', () => {
  it('runs the command in its own session, echoes bytes back, passes stderr lines on, and stops it', async () => {
    const lines: string[] = [];
    const proxy = startProxyCommand('web-1', `sh -c 'echo "sid $(ps -o sid= -p $$)" >&2; exec cat'`, (line) =>
      lines.push(line),
    );
    proxy.stream.on('error', () => undefined); // ssh2 listens in real use; the stop below closes it early
    const echoed = new Promise<string>((resolve) =>
      proxy.stream.once('data', (chunk: Buffer) => resolve(chunk.toString())),
    );
    proxy.stream.write('SSH-2.0-probe\r\n');
    expect(await echoed).toBe('SSH-2.0-probe\r\n');
    await expect.poll(() => lines.length, { timeout: 10_000 }).toBeGreaterThan(0);
    const sid = lines[0]?.replace(/^sid\s+/, '').trim();
    expect(sid).not.toBe(sessionOf(process.pid));
    proxy.stop();
    const failure = await proxy.failure();
    expect(failure?.code).toBe('SSH_SOCKET');
  });
});
