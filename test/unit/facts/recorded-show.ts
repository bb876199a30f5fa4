// `systemctl show` of one converged host's units, recorded on systemd 247 (bullseye), 252 (bookworm) and 257 (trixie).
import { readFileSync } from 'node:fs';
import { parseShowOutput } from '../../../src/facts/show-properties.js';
import type { UnitProperties } from '../../../src/facts/types.js';

/** The systemd versions with a recording. */
export const RECORDED_VERSIONS = ['247', '252', '257'];

/** The units in each recording, in order. */
export const RECORDED_UNITS = [
  'hub-platform.service',
  'hub-cloud.service',
  'hub-scheduler.service',
  'dbt-run.service',
  'dbt-run.timer',
];

// The recording of one systemd version, parsed: properties by unit.
export function recordedShow(version: string): Map<string, UnitProperties> {
  const file = new URL(`../../fixtures/facts/show-systemd-${version}.txt`, import.meta.url);
  return parseShowOutput(readFileSync(file, 'utf8'), RECORDED_UNITS);
}
