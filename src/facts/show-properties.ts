// The `systemctl show` properties hfleet reads, and the parser of their output.
import type { UnitProperties } from './types.js';

/** Properties read for every managed unit (timestamps are requested as unix seconds). */
export const SHOW_PROPERTIES = [
  'Id',
  'Type',
  'LoadState',
  'ActiveState',
  'SubState',
  'UnitFileState',
  'NeedDaemonReload',
  'MainPID',
  'ExecMainStartTimestamp',
  'ActiveEnterTimestamp',
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

/** A unix-seconds timestamp property (`@1732800000` or a plain number), or undefined when unset. */
export function unixSeconds(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const match = /^@?(\d+)(?:\.\d+)?$/.exec(value.trim());
  return match ? Number(match[1]) : undefined;
}
