import { describe, expect, it } from 'vitest';
import { defaultHistoryStore } from '../../../src/history/record-run.js';
import { historyDir } from '../../../src/history/state-dir.js';
import { runCli } from '../../support/cli-capture.js';

describe('hfleet history', () => {
  const store = defaultHistoryStore();

  it('records in the test state folder, not the user one', () => {
    expect(historyDir()).toContain('hfleet-test-state-');
  });

  it('lists recorded runs for a host, as a table and as JSON', async () => {
    const host = `history-test-${process.pid}`;
    store.append({
      kind: 'apply',
      who: 'ops@laptop',
      hosts: [host],
      exit_code: 0,
      document: { summary: { ok: 1 } },
    });
    store.append({
      kind: 'drift',
      who: 'ops@laptop',
      hosts: [host],
      exit_code: 2,
      document: { summary: { drifted: 1 } },
    });
    const table = await runCli(['history', '--host', host, '--since', '1h']);
    expect(table.code).toBe(0);
    const lines = table.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/apply\s+ops@laptop\s+0\s+history-test-\d+\s+ok=1$/);
    const json = await runCli(['history', '--host', host, '--kind', 'drift', '--json']);
    const runs = JSON.parse(json.stdout).runs;
    expect(runs.map((run: { exit_code: number }) => run.exit_code)).toEqual([2]);
  });

  it('refuses an unknown kind and a bad --since with one line', async () => {
    expect((await runCli(['history', '--kind', 'deploy'])).stderr).toMatch(/--kind: 'deploy' is not one of/);
    const bad = await runCli(['history', '--since', 'soon']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--since: 'soon'/);
  });
});
