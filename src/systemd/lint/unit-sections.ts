// Which sections each unit type reads (systemd.unit(5)), and which directive kinds hold a single value.
import { DIRECTIVE_TABLE } from './directive-table.js';

const TYPE_SECTION: Record<string, string> = {
  service: 'Service',
  socket: 'Socket',
  timer: 'Timer',
  path: 'Path',
  mount: 'Mount',
  automount: 'Automount',
  swap: 'Swap',
  slice: 'Slice',
  scope: 'Scope',
  target: '',
  device: '',
};

/** The sections systemd reads in a file of this unit type (every section when the type is not known). */
export function sectionsOf(unitType: string | undefined): string[] {
  const own = unitType === undefined ? undefined : TYPE_SECTION[unitType];
  if (own === undefined) return Object.keys(DIRECTIVE_TABLE);
  return own === '' ? ['Unit', 'Install'] : ['Unit', own, 'Install'];
}

/** Kinds (from systemd's own list) whose assignments replace each other rather than accumulate. */
const SCALAR_KINDS = new Set([
  ...['BOOLEAN', 'SECONDS', 'NANOSECONDS', 'STRING', 'NICE', 'KILLMODE', 'SERVICETYPE', 'SERVICERESTART'],
  ...['SERVICEEXITTYPE', 'OUTPUT', 'INPUT', 'LEVEL', 'FACILITY', 'OOMSCOREADJUST', 'UNSIGNED', 'INTEGER'],
  ...['LIMIT', 'TIMEOUTMODE', 'ACTION', 'SIGNAL', 'WEIGHT', 'CPUWEIGHT', 'SHARES', 'SLICE', 'IOCLASS'],
  ...['IOPRIORITY', 'CPUSCHEDPOLICY', 'CPUSCHEDPRIO', 'TOS', 'LONG', 'SIZE', 'UNIT', 'SERVICE', 'PATH'],
]);

/** True when a key holds one value (a second assignment overrides the first); [Path]'s Path*= accumulate. */
export function isScalarKey(section: string, key: string): boolean {
  const kind = DIRECTIVE_TABLE[section]?.[key];
  return kind !== undefined && SCALAR_KINDS.has(kind) && !(section === 'Path' && key.startsWith('Path'));
}

/** Kinds of value in which systemd resolves `%` specifiers before parsing (numbers and limits are read as is). */
const SPECIFIER_KINDS = new Set([
  'PATH',
  'PATH [...]',
  'PATH [ARGUMENT [...]]',
  'ENVIRON',
  'FILE',
  'UNIT [...]',
  'OUTPUT',
  'INPUT',
]);

/** True when systemd resolves specifiers in this key's value (paths, commands, environment, names, users). */
export function resolvesSpecifiers(section: string, key: string): boolean {
  const kind = DIRECTIVE_TABLE[section]?.[key];
  return (
    (kind !== undefined && SPECIFIER_KINDS.has(kind)) ||
    ['Description', 'User', 'Group', 'WorkingDirectory', 'SyslogIdentifier'].includes(key)
  );
}
