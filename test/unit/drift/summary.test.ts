import { describe, expect, it } from 'vitest';
import { driftExitCode, summarizeDrift } from '../../../src/drift/summary.js';
import type { DriftHostResult } from '../../../src/drift/types.js';
import { driftResult } from '../../support/drift-result.js';

function host(status: DriftHostResult['status']): DriftHostResult {
  return driftResult({ status });
}

describe('drift summary and exit code', () => {
  it('counts hosts by status', () => {
    expect(
      summarizeDrift(['clean', 'drifted', 'drifted', 'unreachable'].map((s) => host(s as never))),
    ).toEqual({
      hosts: 4,
      clean: 1,
      drifted: 2,
      unreachable: 1,
      error: 0,
    });
  });

  it('exits 0 clean, 2 drifted, 3 when any host was unreachable or failed (3 wins)', () => {
    const code = (...statuses: DriftHostResult['status'][]) =>
      driftExitCode(summarizeDrift(statuses.map(host)));
    expect(code('clean', 'clean')).toBe(0);
    expect(code()).toBe(0);
    expect(code('clean', 'drifted')).toBe(2);
    expect(code('drifted', 'unreachable')).toBe(3);
    expect(code('clean', 'error')).toBe(3);
  });
});
