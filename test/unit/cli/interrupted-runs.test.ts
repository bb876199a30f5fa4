// A SIGINT or SIGTERM during apply, drift, status and restart, through the real CLI: the host running finishes, the
// others are never started, stdout carries one document with `interrupted: true`, the exit code is the signal's.
// Every host points at a local TCP server that never answers, so a host runs until its connect_timeout.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { dump } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli-capture.js';
import { generateKeyPair } from '../../support/ssh-server.js';

const HOSTS = ['a-1', 'b-1', 'c-1'];
let server: Server;
const sockets: Socket[] = [];
let inventory: string;
let dir: string;

beforeAll(async () => {
  server = createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  dir = mkdtempSync(path.join(tmpdir(), 'hfleet-interrupted-'));
  const identityFile = path.join(dir, 'id');
  writeFileSync(identityFile, generateKeyPair().privateKey, { mode: 0o600 });
  const customers = Object.fromEntries(
    HOSTS.map((host) => [host.slice(0, 1), { hosts: { [host]: { address: '127.0.0.1', port } } }]),
  );
  inventory = path.join(dir, 'inventory.yml');
  writeFileSync(
    inventory,
    dump({
      defaults: {
        ssh: {
          user: 'root',
          identity_file: identityFile,
          known_hosts: path.join(dir, 'known_hosts'),
          connect_timeout: 1,
        },
      },
      customers,
    }),
  );
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

// Run `hfleet ARGS --forks 1` and send `signal` to this process once the first host has started.
async function interrupted(args: string[], signal: 'SIGINT' | 'SIGTERM') {
  const before = sockets.length;
  const waitForHost = setInterval(() => {
    if (sockets.length > before) {
      clearInterval(waitForHost);
      process.emit(signal);
    }
  }, 10);
  try {
    return await runCli([...args, inventory, '--forks', '1']);
  } finally {
    clearInterval(waitForHost);
  }
}

describe('a signal during a fleet run', () => {
  it.each([
    ['apply', 'SIGINT', 130],
    ['drift', 'SIGTERM', 143],
    ['status', 'SIGINT', 130],
  ] as const)(
    '%s --json, %s: one document, interrupted, the first host ran, the others untouched, exit %i',
    async (command, signal, code) => {
      const run = await interrupted([command, '--json'], signal);
      expect(run.code).toBe(code);
      const lines = run.stdout.split('\n').filter((line) => line !== '');
      expect(lines).toHaveLength(1);
      const document = JSON.parse(lines[0] as string);
      expect(document).toMatchObject({ interrupted: true, untouched: ['b-1', 'c-1'], unfinished: [] });
      expect(document.hosts.map((host: { host: string }) => host.host)).toEqual(['a-1']);
      expect(document.hosts[0].status).toBe('unreachable');
      // The progress line of the host that ran (stdout is not a terminal here), and of no other.
      expect(run.stderr).toMatch(/^a-1: unreachable SSH_\w+ \(/m);
      expect(run.stderr).not.toMatch(/^[bc]-1: /m);
      expect(process.listenerCount('SIGINT') + process.listenerCount('SIGTERM')).toBe(0);
    },
  );

  it('restart --json, SIGINT: the rollout reports interrupted, the later batches untouched, exit 130', async () => {
    const run = await interrupted(['restart', '--json'], 'SIGINT');
    expect(run.code).toBe(130);
    const document = JSON.parse(run.stdout);
    expect(document).toMatchObject({ interrupted: true, untouched: ['b-1', 'c-1'], unfinished: [] });
    expect(document.hosts.map((host: { host: string }) => host.host)).toEqual(['a-1']);
  });

  it('without a signal: interrupted false, nothing untouched; --quiet leaves out the progress lines', async () => {
    const run = await runCli(['drift', inventory, '--json', '--quiet']);
    expect(run.code).toBe(3);
    expect(JSON.parse(run.stdout)).toMatchObject({ interrupted: false, untouched: [], unfinished: [] });
    expect(run.stderr).not.toMatch(/^a-1: /m);
  });

  it('a human recap says the run was interrupted and which hosts it left', async () => {
    const run = await interrupted(['status'], 'SIGINT');
    expect(run.code).toBe(130);
    expect(run.stdout).toContain('interrupted; untouched: b-1, c-1');
  });
});
