// The OpenSSH transport's private control directory goes on every exit path: the last connection closed, a
// master that failed to start, the process exiting without closing, and a signal that kills the process;
// the master it held is told to exit with it (no ssh process keeps the directory's name).
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import type { HfleetError } from '../../../src/errors.js';
import { connect } from '../../../src/transport/connect.js';
import { controlDirInUse } from '../../../src/transport/openssh/control-dir.js';
import { ensureDebianPackages } from '../../support/debian-packages.js';
import { startSshServer, type TestSshServer } from '../../support/ssh-server.js';
import { makeWorkspace, targetFor, type Workspace } from './fixtures.js';

const ROOT = resolve(import.meta.dirname, '../../..');

let ws: Workspace;
let server: TestSshServer;
let skipReason: string | undefined;

// Whether any process's command line still names `dir` (a master left running).
function processesNaming(dir: string): string[] {
  const ps = spawnSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
  return ps.stdout.split('\n').filter((line) => line.includes(dir) && !line.startsWith('ps '));
}

// A temp dir with a short path (a socket path holds at most 107 bytes), removed after the test.
function shortTmp(): string {
  const dir = mkdtempSync('/tmp/hfcd-');
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 50));
  if (!condition()) throw new Error(`gave up waiting: ${what}`);
}

// A process that connects to `target` over the OpenSSH transport (the built CLI's modules), prints its control
// directory, then waits; resolves once the directory is known.
async function connectedChild(
  target: unknown,
  tmp: string,
): Promise<{ child: ChildProcess; dir: string; exited: Promise<NodeJS.Signals | number | null> }> {
  const script = `
    const { connect } = await import(${JSON.stringify(join(ROOT, 'dist/transport/connect.js'))});
    const { controlDirInUse } = await import(${JSON.stringify(join(ROOT, 'dist/transport/openssh/control-dir.js'))});
    const connection = await connect(JSON.parse(process.argv[1]));
    await connection.exec(['true']);
    process.stdout.write(controlDirInUse() + '\\n');
    process.stdin.on('data', (line) => { if (String(line).startsWith('exit')) process.exit(0); });
  `;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(target)], {
    env: { ...process.env, TMPDIR: tmp },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise<NodeJS.Signals | number | null>((done) =>
    child.once('exit', (code, signal) => done(signal ?? code)),
  );
  const dir = await new Promise<string>((done, fail) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) done(out.trim());
    });
    child.once('exit', (code) => fail(new Error(`the child exited (${code}) before connecting`)));
  });
  return { child, dir, exited };
}

beforeAll(async () => {
  const packages = await ensureDebianPackages(['openssh-client']);
  if (!packages.ok) skipReason = packages.reason;
  const build = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`build failed: ${build.stdout}${build.stderr}`);
}, 300_000);

beforeEach(async () => {
  ws = makeWorkspace();
  server = await startSshServer({ authorizedKeys: [ws.publicKey], onExec: () => ({ stdout: '', code: 0 }) });
  mkdirSync(dirname(ws.knownHosts), { recursive: true });
  writeFileSync(ws.knownHosts, `${server.knownHostsLine()}\n`);
});

afterEach(async () => {
  await server.close();
  ws.cleanup();
});

describe('the OpenSSH control directory', () => {
  it('goes when the last connection closes, its master told to exit first', async (context) => {
    if (skipReason) return context.skip(skipReason);
    const target = targetFor(ws, server.port, { transport: 'openssh' });
    const first = await connect(target);
    const second = await connect({ ...target, host: 'acme-2' });
    const dir = controlDirInUse()!;
    expect(readdirSync(dir)).toHaveLength(1); // one master for both (same destination)
    first.close();
    await new Promise((r) => setTimeout(r, 200));
    expect(existsSync(dir)).toBe(true); // still used by the second
    second.close();
    await until(() => !existsSync(dir), 'the control directory removed');
    expect(controlDirInUse()).toBeUndefined();
    expect(processesNaming(dir)).toEqual([]);
  });

  it('is made under /tmp when the temp dir leaves no room for a socket name', async (context) => {
    if (skipReason) return context.skip(skipReason);
    const long = join(shortTmp(), 'x'.repeat(60));
    mkdirSync(long);
    const before = process.env['TMPDIR'];
    process.env['TMPDIR'] = long;
    try {
      const connection = await connect(targetFor(ws, server.port, { transport: 'openssh' }));
      const dir = controlDirInUse()!;
      expect(dirname(dir)).toBe('/tmp');
      connection.close();
      await until(() => !existsSync(dir), 'the control directory removed');
    } finally {
      if (before === undefined) delete process.env['TMPDIR'];
      else process.env['TMPDIR'] = before;
    }
  });

  it('goes when the master fails to start (unknown host key), and a later connection makes a new one', async (context) => {
    if (skipReason) return context.skip(skipReason);
    writeFileSync(ws.knownHosts, '');
    const tmp = shortTmp();
    const before = process.env['TMPDIR'];
    process.env['TMPDIR'] = tmp;
    try {
      const error = (await connect(targetFor(ws, server.port, { transport: 'openssh' })).catch(
        (e: unknown) => e,
      )) as HfleetError;
      expect(error.code).toBe('HOST_KEY_UNKNOWN');
      expect(controlDirInUse()).toBeUndefined();
      expect(readdirSync(tmp)).toEqual([]);
    } finally {
      if (before === undefined) delete process.env['TMPDIR'];
      else process.env['TMPDIR'] = before;
    }
  });

  it('goes when the process exits without closing its connections', async (context) => {
    if (skipReason) return context.skip(skipReason);
    const tmp = shortTmp();
    const { child, dir, exited } = await connectedChild(
      targetFor(ws, server.port, { transport: 'openssh' }),
      tmp,
    );
    expect(dir.startsWith(tmp)).toBe(true);
    expect(processesNaming(dir).length).toBeGreaterThan(0); // the master runs
    child.stdin!.write('exit\n');
    expect(await exited).toBe(0);
    expect(readdirSync(tmp)).toEqual([]);
    await until(() => processesNaming(dir).length === 0, 'the master gone');
  });

  it('goes when a signal kills the process, which still dies of that signal', async (context) => {
    if (skipReason) return context.skip(skipReason);
    const tmp = shortTmp();
    const { child, dir, exited } = await connectedChild(
      targetFor(ws, server.port, { transport: 'openssh' }),
      tmp,
    );
    child.kill('SIGTERM');
    expect(await exited).toBe('SIGTERM');
    expect(readdirSync(tmp)).toEqual([]);
    await until(() => processesNaming(dir).length === 0, 'the master gone');
  });
});
