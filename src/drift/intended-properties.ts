// The `systemctl show` values a service should have: its rendered unit, hfleet's drop-in and the known drop-ins.
import { effectiveValue, mergeDropins } from '../systemd/merge.js';
import { parseUnit } from '../systemd/parse.js';
import { sameTimespan, showBoolean, showMemoryMax } from './systemd-values.js';

/** How one `systemctl show` property follows from the unit's [Service] section. */
interface PropertyRule {
  property: string;
  /** Directives that set it, later ones winning (e.g. TimeoutSec= then TimeoutStopSec=). */
  directives: string[];
  /** What systemd shows when nothing sets it; undefined: depends on the host, not compared. */
  unset: string | undefined;
  /** The intended text as `systemctl show` prints it; undefined: cannot be known here. */
  normalise: (value: string) => string | undefined;
  same: (expected: string, actual: string) => boolean;
}

const asIs = (value: string) => value.trim();
const equal = (a: string, b: string) => a === b;
const path = (value: string) => value.trim().replace(/^[-!]+/, '');

/** The properties drift compares, in report order. */
export const COMPARED_PROPERTIES: readonly PropertyRule[] = [
  {
    property: 'MemoryMax',
    directives: ['MemoryMax'],
    unset: 'infinity',
    normalise: showMemoryMax,
    same: equal,
  },
  { property: 'User', directives: ['User'], unset: '', normalise: asIs, same: equal },
  { property: 'Group', directives: ['Group'], unset: '', normalise: asIs, same: equal },
  { property: 'PrivateTmp', directives: ['PrivateTmp'], unset: 'no', normalise: showBoolean, same: equal },
  { property: 'KillMode', directives: ['KillMode'], unset: 'control-group', normalise: asIs, same: equal },
  {
    property: 'TimeoutStopUSec',
    directives: ['TimeoutSec', 'TimeoutStopSec'],
    unset: undefined,
    normalise: asIs,
    same: sameTimespan,
  },
  { property: 'Restart', directives: ['Restart'], unset: 'no', normalise: asIs, same: equal },
  {
    property: 'WorkingDirectory',
    directives: ['WorkingDirectory'],
    unset: '',
    normalise: path,
    same: (a, b) => a === path(b),
  },
];

/** A file of the intended configuration: where it lives and its text. */
export interface ConfigFile {
  path: string;
  content: string;
}

/** One intended property value and how to compare the shown value with it. */
export interface IntendedProperty {
  property: string;
  expected: string;
  matches: (actual: string) => boolean;
}

/** The intended values of the compared properties for a unit file plus drop-ins (those knowable here). */
export function intendedProperties(unit: ConfigFile, dropins: readonly ConfigFile[]): IntendedProperty[] {
  const effective = mergeDropins(
    parseUnit(unit.content, unit.path),
    dropins.map((dropin) => parseUnit(dropin.content, dropin.path)),
  );
  const intended: IntendedProperty[] = [];
  for (const rule of COMPARED_PROPERTIES) {
    const written = lastSet(rule.directives, (key) => effectiveValue(effective, 'Service', key));
    const expected = written === undefined ? rule.unset : rule.normalise(written);
    if (expected === undefined) continue;
    intended.push({ property: rule.property, expected, matches: (actual) => rule.same(expected, actual) });
  }
  return intended;
}

function lastSet(keys: readonly string[], read: (key: string) => string | undefined): string | undefined {
  let found: string | undefined;
  for (const key of keys) found = read(key) ?? found;
  return found;
}
