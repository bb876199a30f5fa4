import { describe, expect, it } from 'vitest';
import type { DriftHostResult } from '../../../src/drift/types.js';
import { blankResult } from '../../../src/engine/host-result.js';
import { applyJunitCases, driftJunitCases } from '../../../src/report/junit-cases.js';
import { driftResult } from '../../support/drift-result.js';

const host = { name: 'acme-1', customer: 'acme' };

describe('applyJunitCases', () => {
  it('passes ok and changed hosts and fails the others with their one-line reason', () => {
    const cases = applyJunitCases([
      { ...blankResult(host), status: 'changed' },
      {
        ...blankResult({ name: 'globex-1', customer: 'globex' }),
        status: 'unreachable',
        error: 'globex-1 (10.0.0.2:22): connection refused',
        error_code: 'SSH_REFUSED',
        recovered: null,
      },
    ]);
    expect(cases).toEqual([
      { name: 'acme-1: changed', classname: 'hfleet.apply.acme' },
      {
        name: 'globex-1: unreachable',
        classname: 'hfleet.apply.globex',
        failure: {
          message: 'globex-1 (10.0.0.2:22): connection refused',
          type: 'SSH_REFUSED',
          body: 'globex-1 (10.0.0.2:22): connection refused',
        },
      },
    ]);
  });
});

describe('driftJunitCases', () => {
  const clean = driftResult();

  it('has one failing case per finding and one passing case per clean host', () => {
    const drifted: DriftHostResult = {
      ...clean,
      host: 'globex-1',
      customer: 'globex',
      status: 'drifted',
      findings: [
        {
          kind: 'reload-pending',
          unit: 'hub-platform.service',
          detail: 'systemd has not loaded the files on disk',
          fix: 'daemon-reload',
        },
        {
          kind: 'unmanaged-dropin',
          path: '/etc/systemd/system/hub-cloud.service.d/x.conf',
          detail: 'a drop-in hfleet did not write',
          fix: null,
        },
      ],
    };
    const cases = driftJunitCases([clean, drifted]);
    expect(cases.map((c) => [c.name, c.failure?.type])).toEqual([
      ['acme-1: clean', undefined],
      ['globex-1: reload-pending hub-platform.service', 'reload-pending'],
      ['globex-1: unmanaged-dropin /etc/systemd/system/hub-cloud.service.d/x.conf', 'unmanaged-dropin'],
    ]);
    expect(cases[1]!.failure!.body).toBe('systemd has not loaded the files on disk\nfix: daemon-reload');
  });
});
