// The shapes of a drift report: findings per host, host outcomes and the fleet summary (docs/json.md).

/** Every kind of drift hfleet reports (docs/drift.md). */
export const FINDING_KINDS = [
  'missing',
  'changed',
  'symlink',
  'unmanaged-dropin',
  'property',
  'reload-pending',
  'restart-pending',
  'inactive',
  'failed',
  'crash-loop',
  'masked',
  'disabled',
  'unhealthy',
] as const;

/** The kinds of drift hfleet reports. */
export type FindingKind = (typeof FINDING_KINDS)[number];

/** One way a host differs from its rendered intent. */
export interface Finding {
  kind: FindingKind;
  unit?: string;
  path?: string;
  property?: string;
  expected?: string;
  actual?: string;
  /** `symlink`: where the managed path points. */
  target?: string;
  /** One line saying what was found. */
  detail: string;
  /** What `hfleet apply` would do about it, or null when apply leaves it alone. */
  fix: string | null;
  /** Unified diff from the host's file to the rendered one (`changed` and `missing` only). */
  diff?: string;
}

/** A host's outcome in a drift run. */
export interface DriftHostResult {
  host: string;
  customer: string;
  status: 'clean' | 'drifted' | 'unreachable' | 'error';
  findings: Finding[];
  /** One line when status is unreachable or error, else null. */
  error: string | null;
  error_code: string | null;
  /** What this run did first about an earlier run cut short on the host (finished or rolled back), else null. */
  recovered: string | null;
  stats: { round_trips: number };
}

/** The drift document's `summary`: hosts by status (docs/json.md). */
export interface DriftSummary {
  hosts: number;
  clean: number;
  drifted: number;
  unreachable: number;
  error: number;
}
