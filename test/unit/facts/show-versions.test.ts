// The `systemctl show` output of the same converged units, recorded on systemd 247 (bullseye), 252 (bookworm)
// and 257 (trixie) lab hosts: every property hfleet reads is there, written the same way.
import { describe, expect, it } from 'vitest';
import { SHOW_PROPERTIES } from '../../../src/facts/show-properties.js';
import {
  recordedShow as recorded,
  RECORDED_UNITS as UNITS,
  RECORDED_VERSIONS as VERSIONS,
} from './recorded-show.js';

// `Type` is read since these recordings were made (its values, `simple` and `oneshot`, are written alike on all three).
const RECORDED_PROPERTIES = SHOW_PROPERTIES.filter((name) => name !== 'Type');
// Properties a running system fills in: a number on every version.
const COUNTS = ['MainPID', 'NRestarts', 'ExecMainStartTimestampMonotonic', 'ActiveEnterTimestampMonotonic'];
// The rest follow from the unit files and the converged state: equal on every version for the same files.
const FROM_FILES = RECORDED_PROPERTIES.filter((name) => !COUNTS.includes(name) && name !== 'MemoryCurrent');

describe('systemctl show on systemd 247, 252 and 257', () => {
  it.each(VERSIONS)('systemd %s prints every property hfleet reads for every service', (version) => {
    const units = recorded(version);
    expect([...units.keys()]).toEqual(UNITS);
    for (const unit of UNITS.filter((name) => name.endsWith('.service'))) {
      expect(Object.keys(units.get(unit)!).sort(), unit).toEqual(RECORDED_PROPERTIES.sort());
      expect(units.get(unit)!['Id']).toBe(unit);
    }
  });

  it.each(VERSIONS)('systemd %s writes counts and times since boot as plain numbers', (version) => {
    for (const [unit, props] of recorded(version)) {
      if (!unit.endsWith('.service')) continue;
      for (const name of COUNTS) expect(props[name], `${unit} ${name}`).toMatch(/^\d+$/);
      expect(props['MemoryCurrent'], unit).toMatch(/^(\d+|\[not set\])$/);
    }
    expect(
      Number(recorded(version).get('hub-cloud.service')!['ActiveEnterTimestampMonotonic']),
    ).toBeGreaterThan(0);
  });

  it('the same unit files read the same on every version, with the same properties per unit', () => {
    const [first, ...rest] = VERSIONS.map(recorded);
    for (const other of rest) {
      for (const unit of UNITS) {
        expect(Object.keys(other.get(unit)!).sort(), unit).toEqual(Object.keys(first!.get(unit)!).sort());
        for (const name of FROM_FILES)
          expect(other.get(unit)![name], `${unit} ${name}`).toBe(first!.get(unit)![name]);
      }
    }
  });
});
