import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { summarizeDrift } from '../../../src/drift/summary.js';
import type { DriftHostResult } from '../../../src/drift/types.js';
import { driftHuman } from '../../../src/report/drift-human.js';
import { driftJson } from '../../../src/report/drift-json.js';
import { driftResult } from '../../support/drift-result.js';

const plain = new Chalk({ level: 0 });

const results: DriftHostResult[] = [
  driftResult(),
  driftResult({
    host: 'globex-1',
    customer: 'globex',
    status: 'drifted',
    findings: [
      {
        kind: 'changed',
        unit: 'hub-platform.service',
        path: '/etc/systemd/system/hub-platform.service.d/local.conf',
        detail: 'local.conf: content differs from the rendered file',
        fix: 'rewrite /etc/systemd/system/hub-platform.service.d/local.conf',
        diff: '--- a\n+++ b\n@@ -1 +1 @@\n-MemoryMax=700M\n+MemoryMax=900M\n',
      },
      {
        kind: 'reload-pending',
        unit: 'hub-platform.service',
        detail: 'hub-platform.service: NeedDaemonReload=yes',
        fix: 'systemctl daemon-reload',
      },
      {
        kind: 'unmanaged-dropin',
        unit: 'hub-cloud.service',
        path: '/x/zz.conf',
        detail: 'zz.conf',
        fix: null,
      },
    ],
  }),
  driftResult({
    host: 'initech-1',
    customer: 'initech',
    status: 'unreachable',
    error: 'initech-1: connection refused',
    error_code: 'SSH_REFUSED',
    stats: { round_trips: 0 },
  }),
];

describe('drift reports', () => {
  it('human: a line per clean host, findings grouped by unit with the fix and the diff, a summary', () => {
    const text = driftHuman(results, summarizeDrift(results), 1.25, plain);
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^acme-1\s+clean$/);
    expect(lines[1]).toMatch(/^globex-1\s+drifted \(3 findings\)$/);
    expect(lines[2]).toBe('  hub-platform.service');
    expect(text).toContain('-> apply: systemctl daemon-reload');
    expect(text).toContain('      -MemoryMax=700M');
    expect(text).toContain('  hub-cloud.service\n');
    expect(text).toContain('-> apply leaves this alone');
    expect(text.indexOf('hub-cloud.service')).toBeGreaterThan(text.indexOf('reload-pending'));
    expect(text).toMatch(/initech-1\s+unreachable: initech-1: connection refused/);
    expect(lines.at(-1)).toBe('3 hosts: 1 clean, 1 drifted, 1 unreachable, 0 error (1.3 s)');
    expect(text).not.toContain('\u001b[');
  });

  it('json: the documented fields on every host and finding, plus a summary', () => {
    const doc = JSON.parse(JSON.stringify(driftJson(results, summarizeDrift(results), 1)));
    expect(doc.summary).toEqual({ hosts: 3, clean: 1, drifted: 1, unreachable: 1, error: 0 });
    expect(doc.hosts.map((h: { status: string }) => h.status)).toEqual(['clean', 'drifted', 'unreachable']);
    expect(Object.keys(doc.hosts[1].findings[0])).toEqual(
      expect.arrayContaining(['kind', 'unit', 'path', 'detail', 'fix']),
    );
  });
});
