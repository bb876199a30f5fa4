// Which settings systemd 252 refuses to set to the empty string (`Key=`): an empty value resets lists and
// strings (`ExecStart=`, `Environment=`, `User=`, `MemoryMax=`...), but the parsers of booleans, time spans,
// enumerations, modes, signals, numbers and resource limits fail on it and the assignment is ignored.
// Measured with `systemd-analyze verify` on every key of [Unit], [Service], [Install], [Socket], [Timer], [Path].
import { DIRECTIVE_TABLE } from './directive-table.js';

const REFUSING_KINDS = new Set([
  ...['BOOLEAN', 'MODE', 'ACTION', 'SECONDS', 'NANOSECONDS', 'UNSIGNED', 'INTEGER', 'SIZE', 'LONG'],
  ...['CPUSCHEDPRIO', 'POLICY', 'INPUT', 'OUTPUT', 'FACILITY', 'LEVEL', 'SIGNAL', 'SLICE', 'TIMEOUTMODE'],
  ...['SERVICETYPE', 'SERVICEEXITTYPE', 'SERVICERESTART', 'ACCESS', 'SOCKETBIND', 'SERVICE', 'UNIT'],
]);
/** Keys of the open-ended kinds whose parser also refuses the empty string. */
const REFUSING_KEYS = new Set([
  ...['Unit.CollectMode', 'Unit.JobTimeoutSec', 'Unit.JobRunningTimeoutSec', 'Service.BusName'],
  ...['Service.OOMPolicy', 'Service.TimeoutStopSec', 'Socket.SocketProtocol', 'Socket.TimeoutSec'],
  ...['Socket.Timestamping'],
]);
/** Keys refused empty in every section with an execution environment. */
const REFUSING_EXEC_KEYS = new Set([
  ...['KeyringMode', 'ManagedOOMPreference', 'ProcSubset', 'ProtectHome', 'ProtectProc', 'ProtectSystem'],
  ...['RuntimeDirectoryPreserve', 'UtmpMode'],
]);

/** True when systemd ignores `Key=` with nothing after the `=` for this key in this section. */
export function refusesEmptyValue(section: string, key: string): boolean {
  const kind = DIRECTIVE_TABLE[section]?.[key];
  if (kind === undefined) return false;
  if (REFUSING_KINDS.has(kind)) return true;
  if (kind === 'LIMIT') return /^Limit[A-Z]+$/.test(key);
  return REFUSING_KEYS.has(`${section}.${key}`) || REFUSING_EXEC_KEYS.has(key);
}
