// serve's HTTP contract with hosts that cannot be reached: bad requests get a clear 4xx, sweeps go on.
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HfleetError } from '../../../src/errors.js';
import { HistoryStore } from '../../../src/history/store.js';
import { parseListen } from '../../../src/serve/listen-address.js';
import { type RunningServe, startServe } from '../../../src/serve/start-serve.js';
import { hostFixture } from '../../unit/render/host-fixture.js';

const hosts = [
  hostFixture({}, { name: 'acme-1', customer: 'acme' }),
  hostFixture({}, { name: 'globex-1', customer: 'globex', displayName: 'Globex <Inc>' }),
];

async function serveFor(token: string | undefined, history?: HistoryStore): Promise<RunningServe> {
  return startServe({
    fleet: { hosts, tasks: new Map() },
    listen: parseListen('127.0.0.1:0'),
    token,
    intervalMs: 200,
    forks: 1,
    history,
    maxLiveClients: 2,
    onWarning: () => undefined,
    connector: async (target) => {
      throw new HfleetError('SSH_REFUSED', `${target.host}: connection refused`);
    },
  });
}

// A raw GET (the path is sent exactly as given, no URL normalisation).
function rawGet(url: string, path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>(
    (resolve, reject) => {
      const { hostname, port } = new URL(url);
      const req = request({ hostname, port, path, headers }, (res) => {
        let body = '';
        res.on('data', (chunk) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      });
      req.on('error', reject);
      req.end();
    },
  );
}

async function untilSweep(running: RunningServe, sweep: number) {
  while (running.watch.snapshot.sweep < sweep) await new Promise((resolve) => setTimeout(resolve, 50));
}

describe('hfleet serve over HTTP', () => {
  let running: RunningServe;
  let stateDir: string;
  beforeAll(async () => {
    stateDir = mkdtempSync(join(tmpdir(), 'hfleet-serve-test-'));
    running = await serveFor(undefined, new HistoryStore(stateDir, 30));
    await untilSweep(running, 1);
  });
  afterAll(async () => {
    await running.stop();
    rmSync(stateDir, { recursive: true, force: true });
  });

  it('shows every host on the grid with its state as a word, its display name escaped', async () => {
    const page = await rawGet(running.url, '/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('data-host="acme-1" data-state="unreachable"');
    expect(page.body).toContain('Globex &lt;Inc&gt;');
    expect(page.headers['content-security-policy']).toMatch(/default-src 'none'/);
  });

  it('filters by customer and refuses an unknown filter value', async () => {
    const page = await rawGet(running.url, '/?customer=globex');
    expect(page.body).toContain('data-host="globex-1"');
    expect(page.body).not.toContain('data-host="acme-1"');
    expect((await rawGet(running.url, '/?state=sparkly')).status).toBe(400);
  });

  it('answers unknown hosts, traversal and unknown paths with 404', async () => {
    expect((await rawGet(running.url, '/host/nobody')).status).toBe(404);
    expect((await rawGet(running.url, '/host/..%2F..%2Fetc%2Fpasswd')).status).toBe(404);
    expect((await rawGet(running.url, '/../../etc/passwd')).status).toBe(404);
    expect((await rawGet(running.url, '/static/%2e%2e/%2e%2e/etc/passwd')).status).toBe(404);
    expect((await rawGet(running.url, '/host/acme-1')).status).toBe(200);
  });

  it('refuses journal requests for a unit the host does not have, and every write method', async () => {
    expect((await rawGet(running.url, '/host/acme-1/logs?unit=sshd.service')).status).toBe(400);
    const post = await fetch(running.url, { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
  });

  it('serves /metrics as Prometheus text', async () => {
    const metrics = await rawGet(running.url, '/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(metrics.body).toContain('hfleet_host_up{host="acme-1",customer="acme"} 0');
  });

  it('refuses live clients past the limit with 429 and keeps sweeping', async () => {
    const first = new AbortController();
    const second = new AbortController();
    const streams = await Promise.all([
      fetch(`${running.url}events`, { signal: first.signal }),
      fetch(`${running.url}events`, { signal: second.signal }),
    ]);
    expect(streams.map((stream) => stream.status)).toEqual([200, 200]);
    const reader = streams[0]?.body?.getReader();
    let text = '';
    while (!text.includes('event: sweep')) text += new TextDecoder().decode((await reader?.read())?.value);
    expect((await rawGet(running.url, '/events')).status).toBe(429);
    first.abort();
    second.abort();
    const sweep = running.watch.snapshot.sweep;
    await untilSweep(running, sweep + 2);
    let again: Response | undefined;
    for (let tries = 0; tries < 50 && again?.status !== 200; tries++) {
      await again?.body?.cancel();
      again = await fetch(`${running.url}events`);
      if (again.status !== 200) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(again?.status).toBe(200);
    await again?.body?.cancel();
  });

  it('records each sweep in the history, the first with every host', () => {
    const sweeps = new HistoryStore(stateDir, 30).list({ kinds: ['sweep'] });
    expect(sweeps.length).toBeGreaterThan(0);
    expect(sweeps[0]?.hosts).toEqual(['acme-1', 'globex-1']);
  });
});

describe('hfleet serve with --token', () => {
  let running: RunningServe;
  beforeAll(async () => {
    running = await serveFor('s3cret-token');
  });
  afterAll(() => running.stop());

  it('refuses a request without the token or with a wrong one', async () => {
    expect((await rawGet(running.url, '/')).status).toBe(401);
    expect((await rawGet(running.url, '/metrics', { authorization: 'Bearer nope' })).status).toBe(401);
    expect((await rawGet(running.url, '/events?token=nope')).status).toBe(401);
  });

  it('accepts the bearer token, and ?token= once, then its cookie', async () => {
    expect((await rawGet(running.url, '/metrics', { authorization: 'Bearer s3cret-token' })).status).toBe(
      200,
    );
    const first = await rawGet(running.url, '/?token=s3cret-token&customer=acme');
    expect(first.status).toBe(303);
    expect(first.headers['location']).toBe('/?customer=acme');
    const cookie = String(first.headers['set-cookie']).split(';')[0] as string;
    expect(String(first.headers['set-cookie'])).toMatch(/HttpOnly/);
    expect((await rawGet(running.url, '/?customer=acme', { cookie })).status).toBe(200);
  });
});
