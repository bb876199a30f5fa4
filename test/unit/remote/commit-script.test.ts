import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applyScript } from '../../../src/remote/apply-script.js';
import {
  describeRecovery,
  type HostPaths,
  parseRecovery,
  recoverScript,
} from '../../../src/remote/commit-script.js';
import { ShellSession } from '../../../src/remote/shell-session.js';
import { emptyPlan, type HostPlan } from '../../../src/tasks/plan-types.js';
import { localShellChannel } from '../../../src/transport/shell-channel.js';
import { armFailpoint, stoppedAt } from '../../support/failpoints.js';

const sessions: ShellSession[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const session of sessions.splice(0)) session.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const isRoot = process.getuid?.() === 0;

function setUp() {
  const dir = mkdtempSync(path.join(tmpdir(), 'hfleet-commit-'));
  dirs.push(dir);
  const paths: HostPaths = {
    auditLog: path.join(dir, 'audit.log'),
    manifest: path.join(dir, 'lib', 'commit.manifest'),
    failpointDir: dir,
  };
  const files = ['a.service', 'b.service', 'c.service'].map((name) => path.join(dir, name));
  for (const file of files) writeFileSync(file, `old ${path.basename(file)}\n`);
  const plan: HostPlan = {
    ...emptyPlan(),
    files: [
      ...files.map((file) => ({
        task: 'unit' as const,
        path: file,
        action: 'updated' as const,
        content: `new ${path.basename(file)}\n`,
        before: `old ${path.basename(file)}\n`,
        restarts: [],
      })),
      {
        task: 'dropin' as const,
        path: path.join(dir, 'a.service.d', 'local.conf'),
        action: 'created' as const,
        content: 'new local.conf\n',
        before: undefined,
        restarts: [],
      },
    ],
    commands: [{ name: 'after the commit', argv: ['true'] }],
  };
  const contents = () =>
    [...files, path.join(dir, 'a.service.d', 'local.conf')].map((file) =>
      existsSync(file) ? readFileSync(file, 'utf8').split(' ')[0] : 'absent',
    );
  const leftovers = () =>
    readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) =>
      path.basename(name).startsWith('.hfleet.'),
    );
  return { dir, paths, plan, contents, leftovers };
}

function open(): ShellSession {
  const session = new ShellSession(localShellChannel(), 'local');
  sessions.push(session);
  return session;
}

// Start an apply that stops at `failpoint`; resolves once it has stopped there.
async function applyStoppedAt(setup: ReturnType<typeof setUp>, failpoint: string) {
  armFailpoint(setup.dir, failpoint);
  const running = open()
    .run(applyScript(setup.plan, 'alice@laptop hfleet apply', 'the summary', setup.paths), {
      timeoutMs: 20_000,
      what: 'apply',
    })
    .catch((error: Error) => error);
  return { running, stopped: await stoppedAt(setup.dir, failpoint) };
}

async function recover(paths: HostPaths) {
  const run = await open().run(recoverScript('bob@desk hfleet drift', paths), {
    timeoutMs: 10_000,
    what: 'recovery',
  });
  return parseRecovery(run.stdout);
}

describe.skipIf(!isRoot)('the commit protocol, run by a real sh (root: it chowns to root)', () => {
  it('a run killed between renames is rolled back by the next run: old files, no temp, an audit line', async () => {
    const setup = setUp();
    const { running, stopped } = await applyStoppedAt(setup, 'renamed');
    expect(setup.contents()).toEqual(['new', 'old', 'old', 'absent']);
    process.kill(stopped.self, 'SIGKILL');
    process.kill(stopped.shell, 'SIGKILL');
    expect(await running).toBeInstanceOf(Error);
    const recovery = await recover(setup.paths);
    expect(recovery).toMatchObject({ outcome: 'rolled-back', renamed: 1, total: 4 });
    expect(describeRecovery(recovery!)).toMatch(
      /^rolled back the interrupted run of alice@laptop hfleet apply \(since .+\): 1 of 4 files put back$/,
    );
    expect(setup.contents()).toEqual(['old', 'old', 'old', 'absent']);
    expect(setup.leftovers()).toEqual([]);
    expect(existsSync(setup.paths.manifest)).toBe(false);
    expect(readFileSync(setup.paths.auditLog, 'utf8')).toContain(
      'bob@desk hfleet drift\trolled back the interrupted run of alice@laptop hfleet apply',
    );
    expect(await recover(setup.paths)).toBeUndefined();
  });

  it('a run killed while writing temps leaves nothing once the next run has looked', async () => {
    const setup = setUp();
    const { stopped } = await applyStoppedAt(setup, 'temp-written');
    process.kill(stopped.self, 'SIGKILL');
    process.kill(stopped.shell, 'SIGKILL');
    expect(setup.leftovers().length).toBeGreaterThan(0);
    expect(await recover(setup.paths)).toMatchObject({ outcome: 'rolled-back', renamed: 0 });
    expect(setup.contents()).toEqual(['old', 'old', 'old', 'absent']);
    expect(setup.leftovers()).toEqual([]);
  });

  it('a run killed after its renames is finished by the next run: new files, no backup left', async () => {
    const setup = setUp();
    const { stopped } = await applyStoppedAt(setup, 'restarted');
    process.kill(stopped.self, 'SIGKILL');
    process.kill(stopped.shell, 'SIGKILL');
    expect(await recover(setup.paths)).toMatchObject({ outcome: 'finished', renamed: 4, total: 4 });
    expect(setup.contents()).toEqual(['new', 'new', 'new', 'new']);
    expect(setup.leftovers()).toEqual([]);
    expect(readFileSync(setup.paths.auditLog, 'utf8')).toContain('finished the interrupted run of alice');
  });

  it('a run whose client is gone mid-commit finishes on the host on its own', async () => {
    const setup = setUp();
    const { running, stopped } = await applyStoppedAt(setup, 'temp-written');
    process.kill(stopped.shell, 'SIGKILL');
    expect(await running).toBeInstanceOf(Error);
    process.kill(stopped.self, 'SIGCONT');
    // The detached part ends by removing the manifest; wait for that state, not for a time.
    for (let i = 0; i < 2000 && existsSync(setup.paths.manifest); i++)
      await new Promise((resolve) => setTimeout(resolve, 10));
    expect(setup.contents()).toEqual(['new', 'new', 'new', 'new']);
    expect(setup.leftovers()).toEqual([]);
    expect(readFileSync(setup.paths.auditLog, 'utf8')).toMatch(/\talice@laptop hfleet apply\tthe summary\n$/);
  });
});
