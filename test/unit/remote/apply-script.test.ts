import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applyScript, parseApplyOutput } from '../../../src/remote/apply-script.js';
import { ShellSession } from '../../../src/remote/shell-session.js';
import { emptyPlan, type FileChange, type HostPlan } from '../../../src/tasks/plan-types.js';
import { localShellChannel } from '../../../src/transport/shell-channel.js';

let session: ShellSession | undefined;
afterEach(() => session?.close());

const isRoot = process.getuid?.() === 0;

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

async function apply(plan: HostPlan, auditLog: string) {
  session = new ShellSession(localShellChannel(), 'local');
  const run = await session.run(applyScript(plan, "tester's run", 'summary line', auditLog), {
    timeoutMs: 10_000,
    what: 'apply',
  });
  return parseApplyOutput(run.stdout);
}

describe.skipIf(!isRoot)('the apply script, run by a real sh (root: it chowns to root)', () => {
  it('writes every file whole, mode 0644, leaves no temporary file, and logs the run', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hfleet-apply-'));
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
    const outcome = await apply(plan, path.join(dir, 'log', 'audit.log'));
    expect(outcome.failed).toBeUndefined();
    expect(readFileSync(path.join(dir, 'old.service'), 'utf8')).toBe("new 'quoted' $(content) — ünïcode\n");
    expect(statSync(path.join(dir, 'old.service')).mode & 0o777).toBe(0o644);
    expect(readFileSync(path.join(dir, 'sub.d', 'local.conf'), 'utf8')).toBe('[Service]\nMemoryMax=900M\n');
    expect(existsSync(path.join(dir, 'gone.conf'))).toBe(false);
    expect(readdirSync(dir).filter((name) => name.startsWith('.hfleet'))).toEqual([]);
    expect(readFileSync(path.join(dir, 'log', 'audit.log'), 'utf8')).toMatch(
      /^\d{4}-\d\d-\d\dT[\d:]+Z\ttester's run\tsummary line\n$/,
    );
  });

  it('changes no file at all when one of them cannot be written', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hfleet-apply-'));
    writeFileSync(path.join(dir, 'a.service'), 'old a\n');
    writeFileSync(path.join(dir, 'blocker'), 'a regular file where a directory should be');
    const plan = {
      ...emptyPlan(),
      files: [
        write(path.join(dir, 'a.service'), 'new a\n', 'old a\n'),
        write(path.join(dir, 'blocker', 'b.conf'), 'b\n'),
      ],
    };
    const outcome = await apply(plan, path.join(dir, 'audit.log'));
    expect(outcome.failed?.step).toBe(`write ${path.join(dir, 'blocker', 'b.conf')}`);
    expect(readFileSync(path.join(dir, 'a.service'), 'utf8')).toBe('old a\n');
    expect(readdirSync(dir).filter((name) => name.startsWith('.hfleet'))).toEqual([]);
    expect(readFileSync(path.join(dir, 'audit.log'), 'utf8')).toContain('failed writing');
  });

  it('stops at the first failing step and reports its output', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hfleet-apply-'));
    mkdirSync(path.join(dir, 'x'));
    const plan = {
      ...emptyPlan(),
      commands: [
        { name: 'fails', argv: ['sh', '-c', 'echo boom >&2; exit 4'] },
        { name: 'never', argv: ['touch', path.join(dir, 'x', 'ran')] },
      ],
    };
    const outcome = await apply(plan, path.join(dir, 'audit.log'));
    expect(outcome.failed).toEqual({ step: 'command fails', status: 4, output: 'boom' });
    expect(existsSync(path.join(dir, 'x', 'ran'))).toBe(false);
  });
});
