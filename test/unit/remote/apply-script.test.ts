import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applyScript, parseApplyOutput } from '../../../src/remote/apply-script.js';
import type { HostPaths } from '../../../src/remote/commit-script.js';
import { ShellSession } from '../../../src/remote/shell-session.js';
import { emptyPlan, type FileChange, type HostPlan } from '../../../src/tasks/plan-types.js';
import { localShellChannel } from '../../../src/transport/shell-channel.js';
import { armFailpoint, stoppedAt } from '../../support/failpoints.js';

let session: ShellSession | undefined;
const dirs: string[] = [];
afterEach(() => {
  session?.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const isRoot = process.getuid?.() === 0;

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'hfleet-apply-'));
  dirs.push(dir);
  return dir;
}

function hostPaths(dir: string): HostPaths {
  return {
    auditLog: path.join(dir, 'log', 'audit.log'),
    manifest: path.join(dir, 'lib', 'commit.manifest'),
    failpointDir: dir,
  };
}

function write(filePath: string, content: string | null, before?: string): FileChange {
  return {
    task: 'unit',
    path: filePath,
    action: before === undefined ? 'created' : 'updated',
    content,
    before,
    restarts: [],
  };
}

async function apply(plan: HostPlan, dir: string) {
  session = new ShellSession(localShellChannel(), 'local');
  const run = await session.run(applyScript(plan, "tester's run", 'summary line', hostPaths(dir)), {
    timeoutMs: 10_000,
    what: 'apply',
  });
  return parseApplyOutput(run.stdout);
}

function leftovers(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) =>
    path.basename(name).startsWith('.hfleet.'),
  );
}

describe.skipIf(!isRoot)('the apply script, run by a real sh (root: it chowns to root)', () => {
  it('writes every file whole, mode 0644, leaves no temp, backup or manifest, and logs the run', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'old.service'), 'old\n', { mode: 0o600 });
    writeFileSync(path.join(dir, 'gone.conf'), 'x\n');
    const plan = {
      ...emptyPlan(),
      files: [
        write(path.join(dir, 'old.service'), "new 'quoted' $(content) — ünïcode\n", 'old\n'),
        write(path.join(dir, 'sub.d', 'local.conf'), '[Service]\nMemoryMax=900M\n'),
        { ...write(path.join(dir, 'gone.conf'), null, 'x\n'), action: 'removed' as const },
      ],
    };
    const outcome = await apply(plan, dir);
    expect(outcome.failed).toBeUndefined();
    expect(outcome.done).toHaveLength(3);
    expect(readFileSync(path.join(dir, 'old.service'), 'utf8')).toBe("new 'quoted' $(content) — ünïcode\n");
    expect(statSync(path.join(dir, 'old.service')).mode & 0o777).toBe(0o644);
    expect(readFileSync(path.join(dir, 'sub.d', 'local.conf'), 'utf8')).toBe('[Service]\nMemoryMax=900M\n');
    expect(existsSync(path.join(dir, 'gone.conf'))).toBe(false);
    expect(leftovers(dir)).toEqual([]);
    expect(readdirSync(path.join(dir, 'lib'))).toEqual([]);
    expect(readFileSync(path.join(dir, 'log', 'audit.log'), 'utf8')).toMatch(
      /^\d{4}-\d\d-\d\dT[\d:]+Z\ttester's run\tsummary line\n$/,
    );
  });

  it('replaces a managed path that is a symlink with a regular file, and leaves what it pointed to', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'elsewhere.service');
    writeFileSync(target, 'same\n');
    symlinkSync(target, path.join(dir, 'linked.service'));
    const change = {
      ...write(path.join(dir, 'linked.service'), 'same\n', 'same\n'),
      replacesSymlink: target,
    };
    const out = await apply({ ...emptyPlan(), files: [change] }, dir);
    expect(out.failed).toBeUndefined();
    const stat = lstatSync(path.join(dir, 'linked.service'));
    expect(stat.isFile()).toBe(true);
    expect(stat.mode & 0o777).toBe(0o644);
    expect(readFileSync(target, 'utf8')).toBe('same\n');
    expect(leftovers(dir)).toEqual([]);
  });

  it('changes no file at all when one of them cannot be written, and names the cause', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.service'), 'old a\n');
    writeFileSync(path.join(dir, 'blocker'), 'a regular file where a directory should be');
    const plan = {
      ...emptyPlan(),
      files: [
        write(path.join(dir, 'a.service'), 'new a\n', 'old a\n'),
        write(path.join(dir, 'blocker', 'b.conf'), 'b\n'),
      ],
    };
    const outcome = await apply(plan, dir);
    expect(outcome.failed?.step).toBe(`write ${path.join(dir, 'blocker', 'b.conf')}`);
    expect(outcome.failed?.output).toBe(`${path.join(dir, 'blocker')} is a file, not a directory`);
    expect(readFileSync(path.join(dir, 'a.service'), 'utf8')).toBe('old a\n');
    expect(leftovers(dir)).toEqual([]);
    expect(readFileSync(path.join(dir, 'log', 'audit.log'), 'utf8')).toContain('failed writing');
  });

  it('refuses to replace a directory before renaming anything, and names the cause', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.service'), 'old a\n');
    mkdirSync(path.join(dir, 'c.service', 'inside'), { recursive: true });
    const plan = {
      ...emptyPlan(),
      files: [
        write(path.join(dir, 'a.service'), 'new a\n', 'old a\n'),
        write(path.join(dir, 'c.service'), 'new c\n', 'old c\n'),
      ],
    };
    const outcome = await apply(plan, dir);
    expect(outcome.failed?.output).toBe(`${path.join(dir, 'c.service')} is a directory, not a file`);
    expect(readFileSync(path.join(dir, 'a.service'), 'utf8')).toBe('old a\n');
    expect(leftovers(dir)).toEqual([]);
  });

  it('puts back the files renamed before a rename that fails, and says so', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.service'), 'old a\n');
    writeFileSync(path.join(dir, 'b.service'), 'old b\n');
    const plan = {
      ...emptyPlan(),
      files: [
        write(path.join(dir, 'a.service'), 'new a\n', 'old a\n'),
        write(path.join(dir, 'new.service'), 'new\n'),
        write(path.join(dir, 'c.service'), 'new c\n'),
        write(path.join(dir, 'b.service'), 'new b\n', 'old b\n'),
      ],
    };
    armFailpoint(dir, 'renamed');
    const running = apply(plan, dir);
    const stopped = await stoppedAt(dir, 'renamed');
    // The third file's temp goes missing: its rename fails, after two have been done.
    rmSync(path.join(dir, leftovers(dir).find((name) => /\.2$/.test(name)) ?? 'none'));
    process.kill(stopped.self, 'SIGCONT');
    const outcome = await running;
    expect(outcome.failed?.step).toBe(`rename ${path.join(dir, 'c.service')}`);
    expect(outcome.failed?.output).toMatch(/; the 2 files before it were put back$/);
    expect(readFileSync(path.join(dir, 'a.service'), 'utf8')).toBe('old a\n');
    expect(readFileSync(path.join(dir, 'b.service'), 'utf8')).toBe('old b\n');
    expect(existsSync(path.join(dir, 'new.service'))).toBe(false);
    expect(leftovers(dir)).toEqual([]);
    expect(existsSync(hostPaths(dir).manifest)).toBe(false);
    expect(readFileSync(path.join(dir, 'log', 'audit.log'), 'utf8')).toContain(
      `failed at rename ${path.join(dir, 'c.service')}; the 2 files before it were put back`,
    );
  });

  it('stops at the first failing step and reports its output', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'x'));
    const plan = {
      ...emptyPlan(),
      commands: [
        { name: 'fails', argv: ['sh', '-c', 'echo boom >&2; exit 4'] },
        { name: 'never', argv: ['touch', path.join(dir, 'x', 'ran')] },
      ],
    };
    const outcome = await apply(plan, dir);
    expect(outcome.failed).toEqual({ step: 'command fails', status: 4, output: 'boom' });
    expect(existsSync(path.join(dir, 'x', 'ran'))).toBe(false);
    expect(existsSync(hostPaths(dir).manifest)).toBe(false);
  });
});
