// `property`: effective `systemctl show` values of a service that differ from what its intended files say.
import type { UnitProperties } from '../facts/types.js';
import { type ConfigFile, intendedProperties } from './intended-properties.js';
import type { Finding } from './types.js';

/** A service unit's intended configuration: its rendered file and the drop-ins it should load. */
export interface IntendedUnit {
  unit: string;
  file: ConfigFile;
  dropins: ConfigFile[];
}

/** One finding per compared property whose shown value differs from the intent (loaded units only). */
export function propertyFindings(intended: IntendedUnit, shown: UnitProperties | undefined): Finding[] {
  if (shown?.['LoadState'] !== 'loaded') return [];
  const findings: Finding[] = [];
  for (const want of intendedProperties(intended.file, intended.dropins)) {
    const actual = shown[want.property];
    if (actual === undefined || want.matches(actual)) continue;
    findings.push({
      kind: 'property',
      unit: intended.unit,
      property: want.property,
      expected: want.expected,
      actual,
      detail: `${intended.unit}: ${want.property} is ${show(actual)}, intended ${show(want.expected)}`,
      fix: null,
    });
  }
  return findings;
}

function show(value: string): string {
  return value === '' ? '(unset)' : value;
}
