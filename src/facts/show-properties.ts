// The `systemctl show` properties hfleet reads, and the parser of their output.
import type { UnitProperties } from './types.js';

/**
 * Properties read for every managed unit. Names and value formats are the same on systemd 247 to 257; times
 * are read in the one form all of them print alike, microseconds since boot (`...Monotonic`): the plain
 * form is local time with a zone abbreviation, and `--timestamp=unix` is refused before systemd 248.
 */
export const SHOW_PROPERTIES = [
  'Id',
  'Type',
  'LoadState',
  'ActiveState',
  'SubState',
  'UnitFileState',
  'NeedDaemonReload',
  'MainPID',
  'ExecMainStartTimestampMonotonic',
  'ActiveEnterTimestampMonotonic',
  'NRestarts',
  'Result',
  'MemoryMax',
  'MemoryCurrent',
  'User',
  'Group',
  'PrivateTmp',
  'KillMode',
  'TimeoutStopUSec',
  'Restart',
  'WorkingDirectory',
  'FragmentPath',
  'DropInPaths',
] as const;

/** Parse `systemctl show -p ... UNIT...` output (blocks separated by blank lines) into properties by unit. */
export function parseShowOutput(output: string, units: readonly string[]): Map<string, UnitProperties> {
  const byUnit = new Map<string, UnitProperties>();
  const blocks = output.split(/\n\s*\n/).filter((block) => block.trim() !== '');
  blocks.forEach((block, index) => {
    const properties: Record<string, string> = {};
    for (const line of block.split('\n')) {
      const equals = line.indexOf('=');
      if (equals > 0) properties[line.slice(0, equals)] = line.slice(equals + 1);
    }
    const unit = units[index] ?? properties['Id'];
    if (unit) byUnit.set(unit, properties);
  });
  return byUnit;
}

/**
 * When a `...TimestampMonotonic` property's event happened, in seconds since the epoch: the host's boot time
 * plus the property's microseconds since boot. Undefined when unset (0), unreadable, or the boot time is unknown.
 */
export function monotonicToUnix(value: string | undefined, bootedAt: number | undefined): number | undefined {
  if (bootedAt === undefined || !/^\d+$/.test(value?.trim() ?? '')) return undefined;
  const micros = Number(value);
  return micros > 0 ? bootedAt + micros / 1e6 : undefined;
}
