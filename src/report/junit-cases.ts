// JUnit test cases from run results: one case per host, and for drift one per finding.

import type { DriftHostResult } from '../drift/types.js';
import type { HostResult } from '../engine/host-result.js';
import type { StatusHostResult } from '../status/status-host.js';
import type { JunitCase } from './junit.js';

const FAILED = new Set(['failed', 'unreachable', 'error', 'unhealthy']);

/** One case per host of an apply (or rolling apply); failed and unreachable hosts fail. */
export function applyJunitCases(results: readonly HostResult[]): JunitCase[] {
  return results.map((result) => ({
    name: `${result.host}: ${result.status}`,
    classname: `hfleet.apply.${result.customer}`,
    ...(FAILED.has(result.status)
      ? {
          failure: {
            message: result.error ?? result.status,
            type: result.error_code ?? result.status,
            body: result.error ?? '',
          },
        }
      : {}),
  }));
}

/** One case per drift finding (failing), and one passing case per clean host; unreachable hosts fail. */
export function driftJunitCases(results: readonly DriftHostResult[]): JunitCase[] {
  return results.flatMap((result): JunitCase[] => {
    const classname = `hfleet.drift.${result.customer}`;
    if (result.status === 'unreachable' || result.status === 'error') {
      const message = result.error ?? result.status;
      return [
        {
          name: `${result.host}: ${result.status}`,
          classname,
          failure: { message, type: result.error_code ?? result.status, body: message },
        },
      ];
    }
    if (result.findings.length === 0) return [{ name: `${result.host}: clean`, classname }];
    return result.findings.map((finding) => ({
      name: `${result.host}: ${finding.kind} ${finding.unit ?? finding.path ?? ''}`.trim(),
      classname,
      failure: {
        message: finding.detail,
        type: finding.kind,
        body: [finding.detail, finding.fix ? `fix: ${finding.fix}` : '', finding.diff ?? '']
          .filter(Boolean)
          .join('\n'),
      },
    }));
  });
}

/** One case per host and unit of a status run; an unhealthy unit fails. */
export function statusJunitCases(results: readonly StatusHostResult[]): JunitCase[] {
  return results.flatMap((result): JunitCase[] => {
    const classname = `hfleet.status.${result.customer}`;
    if (result.units.length === 0 || result.status === 'unreachable' || result.status === 'error') {
      const message = result.error ?? result.status;
      return [
        {
          name: `${result.host}: ${result.status}`,
          classname,
          ...(FAILED.has(result.status)
            ? { failure: { message, type: result.error_code ?? result.status, body: message } }
            : {}),
        },
      ];
    }
    return result.units.map((unit) => ({
      name: `${result.host}: ${unit.unit}`,
      classname,
      ...(unit.healthy
        ? {}
        : {
            failure: {
              message: `${unit.unit} is ${unit.active}, health ${unit.health ?? 'n/a'}`,
              type: 'unhealthy',
              body: JSON.stringify(unit),
            },
          }),
    }));
  });
}
