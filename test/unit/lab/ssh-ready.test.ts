import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sshBannerSeen, waitForSsh } from '../../../src/lab/ssh-ready.js';

function serve(greeting: string): Promise<net.Server> {
  return new Promise((resolve) => {
    const server = net.createServer((socket) => socket.end(greeting));
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

describe('waiting for SSH', () => {
  let ssh: net.Server;
  let http: net.Server;
  const port = (server: net.Server) => (server.address() as net.AddressInfo).port;

  beforeAll(async () => {
    ssh = await serve('SSH-2.0-OpenSSH_9.2\r\n');
    http = await serve('HTTP/1.1 400 Bad Request\r\n');
  });
  afterAll(() => {
    ssh.close();
    http.close();
  });

  it('accepts an SSH banner and nothing else', async () => {
    expect(await sshBannerSeen('127.0.0.1', port(ssh))).toBe(true);
    expect(await sshBannerSeen('127.0.0.1', port(http))).toBe(false);
  });

  it('names the host when the deadline passes', async () => {
    await expect(
      waitForSsh({ name: 'acme-1', address: '127.0.0.1', logHint: 'see log' }, 300),
    ).rejects.toMatchObject({
      code: 'LAB',
      message: expect.stringContaining('acme-1 (127.0.0.1) did not accept SSH'),
      hint: 'see log',
    });
  });

  it('gives up early when the host stopped booting', async () => {
    await expect(
      waitForSsh({ name: 'globex-1', address: '127.0.0.1', stillBooting: () => false }, 10_000),
    ).rejects.toThrow(/globex-1 .* stopped while booting/);
  });
});
