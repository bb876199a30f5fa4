import { mkdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseFacts } from '../../../src/facts/parse.js';
import { factsScript } from '../../../src/facts/script.js';
import type { FactRequest, KnownFile, KnownFiles } from '../../../src/facts/types.js';
import { linesTagged, TAG } from '../../../src/remote/protocol.js';
import { ShellSession } from '../../../src/remote/shell-session.js';
import { localShellChannel } from '../../../src/transport/shell-channel.js';
import { scratchDir } from '../../support/scratch-dir.js';

let session: ShellSession | undefined;
afterEach(() => session?.close());

function request(dir: string): FactRequest {
  return {
    files: [
      path.join(dir, 'unit.service'),
      path.join(dir, "we'ird name.service"),
      path.join(dir, 'absent.service'),
    ],
    dropinDirs: [path.join(dir, 'unit.service.d'), path.join(dir, 'none.d')],
    users: ['root', 'no-such-user-hfleet'],
    ownership: [{ path: dir, owner: 'root', group: 'root' }],
    units: [],
    health: [],
    exists: [path.join(dir, 'unit.service'), path.join(dir, 'nope')],
  };
}

describe('the facts script, run by a real sh', () => {
  it('gathers files, drop-ins, users, ownership and existence in one round trip', async () => {
    const dir = scratchDir('hfleet-facts-');
    const content = '[Unit]\nDescription=Honeyframe Platform API — Acme Corp\n';
    writeFileSync(path.join(dir, 'unit.service'), content, { mode: 0o644 });
    utimesSync(path.join(dir, 'unit.service'), 1_700_000_000, 1_700_000_000);
    writeFileSync(path.join(dir, "we'ird name.service"), 'x');
    mkdirSync(path.join(dir, 'unit.service.d'));
    writeFileSync(path.join(dir, 'unit.service.d', 'er-limits.conf'), '[Service]\n');
    session = new ShellSession(localShellChannel(), 'local');
    const req = request(dir);
    const run = await session.run(factsScript(req), { timeoutMs: 10_000, what: 'facts' });
    const facts = parseFacts(run.stdout, req);
    expect(session.stats.roundTrips).toBe(1);
    expect(facts.files.get(path.join(dir, 'unit.service'))).toMatchObject({
      exists: true,
      content,
      mtime: 1_700_000_000,
      mode: '644',
    });
    expect(facts.files.get(path.join(dir, "we'ird name.service"))?.content).toBe('x');
    expect(facts.files.get(path.join(dir, 'absent.service'))?.exists).toBe(false);
    expect(facts.dropins.get(path.join(dir, 'unit.service.d'))?.map((d) => d.name)).toEqual([
      'er-limits.conf',
    ]);
    expect(facts.dropins.get(path.join(dir, 'none.d'))).toEqual([]);
    expect(Object.fromEntries(facts.users)).toEqual({ root: true, 'no-such-user-hfleet': false });
    expect(facts.exists.get(path.join(dir, 'nope'))).toBe(false);
    expect(facts.now).toBeGreaterThan(1_700_000_000);
    const uptime = Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0]);
    expect(facts.now! - facts.bootedAt!).toBeGreaterThan(0);
    expect(facts.now! - facts.bootedAt!).toBeLessThanOrEqual(uptime);
    expect(facts.lock).toBeUndefined();
  });

  it('takes the lock, and a second session sees who holds it', async () => {
    const req = request(scratchDir('hfleet-facts-'));
    const lockDir = scratchDir('hfleet-lock-');
    const script = (holder: string) =>
      factsScript(req, { waitSec: 0, holder }).replaceAll('/run/lock', lockDir);
    session = new ShellSession(localShellChannel(), 'first');
    const first = parseFacts(
      (await session.run(script('alice pid 1'), { timeoutMs: 10_000, what: 'facts' })).stdout,
      req,
    );
    expect(first.lock).toEqual({ acquired: true });
    const second = new ShellSession(localShellChannel(), 'second');
    try {
      const blocked = parseFacts(
        (await second.run(script('bob pid 2'), { timeoutMs: 10_000, what: 'facts' })).stdout,
        req,
      );
      expect(blocked.lock).toEqual({ acquired: false, holder: 'alice pid 1' });
      session.end();
      await new Promise((resolve) => setTimeout(resolve, 200));
      const third = new ShellSession(localShellChannel(), 'third');
      const free = parseFacts(
        (await third.run(script('carol pid 3'), { timeoutMs: 10_000, what: 'facts' })).stdout,
        req,
      );
      expect(free.lock).toEqual({ acquired: true });
      third.close();
    } finally {
      second.close();
    }
  });

  it('a read-only run sees a held lock without taking it, and says when its holder is stopped', async () => {
    const req = request(scratchDir('hfleet-facts-'));
    const lockDir = scratchDir('hfleet-lock-');
    const withDir = (script: string) => script.replaceAll('/run/lock', lockDir);
    const read = async () => {
      const reader = new ShellSession(localShellChannel(), 'reader');
      try {
        return parseFacts(
          (await reader.run(withDir(factsScript(req)), { timeoutMs: 10_000, what: 'facts' })).stdout,
          req,
        );
      } finally {
        reader.close();
      }
    };
    expect((await read()).lock).toBeUndefined();
    session = new ShellSession(localShellChannel(), 'holder');
    const holder = withDir(
      `${factsScript(req, { waitSec: 0, holder: 'alice pid 1' })}\nprintf 'P\\t%s\\n' "$$"`,
    );
    const taken = await session.run(holder, { timeoutMs: 10_000, what: 'facts' });
    expect(parseFacts(taken.stdout, req).lock).toEqual({ acquired: true });
    expect((await read()).lock).toEqual({ acquired: false, holder: 'alice pid 1' });
    const pid = Number(/^P\t(\d+)$/m.exec(taken.stdout)?.[1]);
    process.kill(pid, 'SIGSTOP');
    try {
      const stuck = (await read()).lock;
      expect(stuck).toEqual({
        acquired: false,
        holder: `alice pid 1; stuck: its remote shell (pid ${pid}) is stopped (SIGSTOP) and holds the lock until resumed or killed`,
      });
    } finally {
      process.kill(pid, 'SIGCONT');
    }
  });

  it('reports a managed path that is a symlink with its target, its content read through it', async () => {
    const dir = scratchDir('hfleet-facts-');
    const target = path.join(dir, 'real.service');
    writeFileSync(target, '[Unit]\n');
    const req = { ...request(dir), files: [path.join(dir, 'unit.service'), path.join(dir, 'gone.service')] };
    symlinkSync(target, path.join(dir, 'unit.service'));
    symlinkSync('/nonexistent-hfleet', path.join(dir, 'gone.service'));
    session = new ShellSession(localShellChannel(), 'local');
    const facts = parseFacts(
      (await session.run(factsScript(req), { timeoutMs: 10_000, what: 'facts' })).stdout,
      req,
    );
    expect(facts.files.get(path.join(dir, 'unit.service'))).toMatchObject({
      exists: true,
      content: '[Unit]\n',
      symlinkTo: target,
    });
    expect(facts.files.get(path.join(dir, 'gone.service'))).toMatchObject({
      exists: false,
      symlinkTo: '/nonexistent-hfleet',
    });
  });

  it('a read-only run with a lock wait reads once the holder lets go (--lock-wait)', async () => {
    const req = request(scratchDir('hfleet-facts-'));
    const lockDir = scratchDir('hfleet-lock-');
    const withDir = (script: string) => script.replaceAll('/run/lock', lockDir);
    session = new ShellSession(localShellChannel(), 'holder');
    const taken = await session.run(withDir(factsScript(req, { waitSec: 0, holder: 'alice pid 1' })), {
      timeoutMs: 10_000,
      what: 'facts',
    });
    expect(parseFacts(taken.stdout, req).lock).toEqual({ acquired: true });
    const reader = new ShellSession(localShellChannel(), 'reader');
    try {
      const reading = reader.run(withDir(factsScript(req, undefined, { waitSec: 60 })), {
        timeoutMs: 70_000,
        what: 'facts',
      });
      // Longer than the 2 s of grace a read-only run gives a held lock without --lock-wait.
      await new Promise((resolve) => setTimeout(resolve, 2500));
      session.end();
      expect(parseFacts((await reading).stdout, req).lock).toBeUndefined();
    } finally {
      reader.close();
    }
  });

  it('probes every health endpoint in one bash and keeps each outcome with its unit', async () => {
    const server = createServer((request, response) => {
      response.statusCode = request.url === '/api/health' ? 200 : 503;
      response.end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    try {
      const req = {
        ...request(scratchDir('hfleet-facts-')),
        health: [
          { unit: 'hub-platform.service', port, path: '/api/health' },
          { unit: 'hub-cloud.service', port, path: '/api/sick' },
          { unit: 'hub-gone.service', port: 1, path: '/api/health' },
        ],
      };
      session = new ShellSession(localShellChannel(), 'local');
      const run = await session.run(factsScript(req), { timeoutMs: 10_000, what: 'facts' });
      expect(Object.fromEntries(parseFacts(run.stdout, req).health)).toEqual({
        'hub-platform.service': { kind: 'http', code: 200 },
        'hub-cloud.service': { kind: 'http', code: 503 },
        'hub-gone.service': { kind: 'refused' },
      });
    } finally {
      server.close();
    }
  });

  it('sends a known file again only when its stat signature changed, and reads the rest as before', async () => {
    const dir = scratchDir('hfleet-facts-');
    const req: FactRequest = {
      ...request(dir),
      files: ['a.service', 'b.service', 'link.service', 'gone.service', 'dir.service', "we'ird $(name)"].map(
        (name) => path.join(dir, name),
      ),
    };
    const [a, b, link, gone, directory, weird] = req.files as [
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    writeFileSync(a, 'A1\n');
    writeFileSync(b, 'B1\n');
    writeFileSync(weird, 'W1\n');
    symlinkSync(a, link);
    mkdirSync(directory);
    session = new ShellSession(localShellChannel(), 'local');
    const read = async (known: KnownFiles) => {
      const run = await session!.run(factsScript(req, undefined, { known }), {
        timeoutMs: 10_000,
        what: 'facts',
      });
      return { stdout: run.stdout, facts: parseFacts(run.stdout, req, known) };
    };
    const first = await read(new Map());
    const known = new Map<string, KnownFile>();
    for (const [file, fact] of first.facts.files) {
      if (fact.signature && fact.content !== undefined)
        known.set(file, { signature: fact.signature, content: fact.content });
    }
    expect([...known.keys()].sort()).toEqual([a, b, weird].sort());
    expect(first.facts.files.get(link)).toMatchObject({ exists: true, content: 'A1\n', symlinkTo: a });
    expect(first.facts.files.get(gone)?.exists).toBe(false);
    expect(first.facts.files.get(directory)?.exists).toBe(false);

    // Same size, same second: the ctime and mtime nanoseconds still differ.
    writeFileSync(b, 'B2\n');
    const second = await read(known);
    const unchanged = linesTagged(second.stdout, TAG.fileUnchanged).map(([file]) => file);
    expect(unchanged.sort()).toEqual([a, weird].sort());
    expect(linesTagged(second.stdout, TAG.file).map(([file]) => file)).toContain(b);
    expect(second.facts.files.get(a)).toMatchObject({
      exists: true,
      content: 'A1\n',
      mode: first.facts.files.get(a)?.mode,
    });
    expect(second.facts.files.get(weird)?.content).toBe('W1\n');
    expect(second.facts.files.get(b)?.content).toBe('B2\n');
    expect(second.facts.files.get(link)).toMatchObject({ content: 'A1\n', symlinkTo: a });
    expect(second.facts.files.get(gone)?.exists).toBe(false);
    expect(second.facts.files.get(directory)?.exists).toBe(false);
  });
});
