// A host's drift result for report and summary tests: clean, reached in one round trip, unless told otherwise.
import type { DriftHostResult } from '../../src/drift/types.js';

/** acme-1 found clean in one round trip; `changes` override fields (another host, a status, findings...). */
export function driftResult(changes: Partial<DriftHostResult> = {}): DriftHostResult {
  return {
    host: 'acme-1',
    customer: 'acme',
    status: 'clean',
    findings: [],
    error: null,
    error_code: null,
    recovered: null,
    stats: { round_trips: 1 },
    ...changes,
  };
}
