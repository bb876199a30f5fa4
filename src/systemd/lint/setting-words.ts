// Settings of [Service], [Socket] and the other execution sections that take one word from a fixed list, a
// signal, a weight or a task count (systemd.exec(5), systemd.kill(5), systemd.resource-control(5)), read as
// systemd 252 reads them.

const BOOLEAN_WORDS = ['1', 'yes', 'y', 'true', 't', 'on', '0', 'no', 'n', 'false', 'f', 'off'];
const LOG_LEVELS = ['emerg', 'alert', 'crit', 'err', 'warning', 'notice', 'info', 'debug', ...'01234567'];

/** The words each setting takes (numbers too where `numeric`), with systemd's name for the setting. */
const WORDS: Record<string, { name: string; values: readonly string[]; numeric?: boolean }> = {
  IOSchedulingClass: {
    name: 'IO scheduling class',
    values: ['none', 'realtime', 'best-effort', 'idle'],
    numeric: true,
  },
  CPUSchedulingPolicy: {
    name: 'CPU scheduling policy',
    values: ['other', 'batch', 'idle', 'fifo', 'rr'],
    numeric: true,
  },
  ProtectProc: { name: '/proc/ protection mode', values: ['noaccess', 'invisible', 'ptraceable', 'default'] },
  ProcSubset: { name: '/proc/ subset mode', values: ['all', 'pid'] },
  SyslogLevel: { name: 'log level', values: LOG_LEVELS },
  LogLevelMax: { name: 'log level', values: LOG_LEVELS },
  SyslogFacility: {
    name: 'log facility',
    values: [
      ...[
        'kern',
        'user',
        'mail',
        'daemon',
        'auth',
        'syslog',
        'lpr',
        'news',
        'uucp',
        'cron',
        'authpriv',
        'ftp',
      ],
      ...[0, 1, 2, 3, 4, 5, 6, 7].map((n) => `local${n}`),
    ],
    numeric: true,
  },
  DevicePolicy: { name: 'device policy', values: ['auto', 'closed', 'strict'] },
  KeyringMode: { name: 'keyring mode', values: ['inherit', 'private', 'shared'] },
  UtmpMode: { name: 'utmp mode', values: ['init', 'login', 'user'] },
  NUMAPolicy: { name: 'NUMA policy', values: ['default', 'preferred', 'bind', 'interleave', 'local'] },
  BindIPv6Only: { name: 'bind IPv6 only value', values: ['default', 'both', 'ipv6-only', ...BOOLEAN_WORDS] },
  ManagedOOMSwap: { name: 'ManagedOOMSwap= value', values: ['auto', 'kill'] },
  RuntimeDirectoryPreserve: {
    name: 'runtime directory preserve mode',
    values: ['restart', ...BOOLEAN_WORDS],
  },
  SocketProtocol: { name: 'socket protocol', values: ['udplite', 'sctp'] },
  ManagedOOMMemoryPressure: { name: 'ManagedOOMMemoryPressure= value', values: ['auto', 'kill'] },
  ManagedOOMPreference: { name: 'ManagedOOMPreference=', values: ['none', 'avoid', 'omit'] },
  MountFlags: { name: 'mount flag', values: ['shared', 'slave', 'private'] },
  Timestamping: { name: 'timestamping precision', values: ['off', 'us', 'usec', 'µs', 'μs', 'ns', 'nsec'] },
};
// A unit name of type slice (unit_name_is_valid(): no template, at most 255 characters). A name with a
// specifier left in it (a template's `user-%i.slice`) is not judged.
const SLICE_NAME = /^[A-Za-z0-9:_.\\-]{1,249}\.slice$/;
const SIGNAL_NAMES = new Set(
  `HUP INT QUIT ILL TRAP ABRT BUS FPE KILL USR1 SEGV USR2 PIPE ALRM TERM STKFLT CHLD CONT STOP TSTP TTIN TTOU
  URG XCPU XFSZ VTALRM PROF WINCH IO PWR SYS`.split(/\s+/),
);
const WEIGHTS = new Set(['IOWeight', 'StartupIOWeight', 'CPUWeight', 'StartupCPUWeight']);

/** What systemd says when it ignores `key=value` for one of these settings, or undefined. */
export function settingWordProblem(key: string, kind: string, value: string): string | undefined {
  const words = WORDS[key];
  const known =
    words?.values.includes(value) ||
    (words?.values.includes('yes') && BOOLEAN_WORDS.includes(value.toLowerCase())) ||
    (words?.numeric && /^\d+$/.test(value));
  if (words && !known) return `Failed to parse ${words.name}, ignoring: ${value}`;
  if (kind === 'SIGNAL' && !isSignal(value)) return `Failed to parse signal name, ignoring: ${value}`;
  if (WEIGHTS.has(key) && !isWeight(key, value)) return `Invalid weight, ignoring: ${value}`;
  if (key === 'TasksMax' && !isTasksMax(value)) return `Invalid maximum tasks value '${value}', ignoring`;
  if (kind === 'SLICE' && !value.includes('%') && !SLICE_NAME.test(value))
    return `Invalid slice name, ignoring: ${value}`;
  if (kind === 'SERVICE' && !value.endsWith('.service'))
    return `Unit must be of type service, ignoring: ${value}`;
  return undefined;
}

// `TERM`, `SIGTERM`, `SIGRTMIN+3`, `RTMAX-1` or a number 1..64 (signal_from_string()).
function isSignal(value: string): boolean {
  if (/^\d+$/.test(value)) return Number(value) >= 1 && Number(value) <= 64;
  const name = value.replace(/^SIG/, '');
  return SIGNAL_NAMES.has(name) || /^RTMIN(\+\d+)?$/.test(name) || /^RTMAX(-\d+)?$/.test(name);
}

// 1..10000 (CPUWeight= also `idle`).
function isWeight(key: string, value: string): boolean {
  if (key.endsWith('CPUWeight') && value === 'idle') return true;
  return /^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= 10000;
}

// `infinity`, a count above 0, or a percentage up to 100 (of the system's limit).
function isTasksMax(value: string): boolean {
  if (value === 'infinity') return true;
  if (/^\d+$/.test(value)) return Number(value) > 0;
  return /^\d+(\.\d+)?%$/.test(value) && Number(value.slice(0, -1)) <= 100;
}
