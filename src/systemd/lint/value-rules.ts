// Checks of a directive's value for the directives systemd parses with a fixed grammar.
import { addressListProblem } from './address-lists.js';
import { isCalendarSpec } from './calendar-spec.js';
import { deviceAllowProblem } from './device-allow.js';
import { DIRECTIVE_TABLE } from './directive-table.js';
import { environmentNamesProblem, environmentProblem } from './environment-value.js';
import { execCommandProblem } from './exec-command.js';
import { filterListProblem } from './filter-lists.js';
import { listenAddressProblem } from './listen-address.js';
import { numberValueProblem } from './number-values.js';
import { pathValueProblem } from './path-values.js';
import { splitQuotedWords } from './quoted-words.js';
import { resourceLimitProblem } from './resource-limit.js';
import { settingWordProblem } from './setting-words.js';
import { isTimeSpan } from './time-span.js';

/** Why systemd ignores a value (it logs and drops the assignment, or refuses the unit when `fatal`). */
export interface ValueProblem {
  message: string;
  /** systemd refuses to load the whole unit (not only this assignment). */
  fatal?: boolean;
}

const BOOLEAN = /^(1|yes|y|true|t|on|0|no|n|false|f|off)$/i;
const OCTAL_MODE = /^0*[0-7]{1,4}$/;
const JOB_MODES = ['fail', 'replace', 'replace-irreversibly', 'isolate', 'flush', 'ignore-dependencies'];
const ENUMERATIONS: Record<string, { name: string; values: readonly string[] }> = {
  'Service.Type': {
    name: 'service type',
    values: ['simple', 'exec', 'forking', 'oneshot', 'dbus', 'notify', 'idle'],
  },
  'Service.Restart': {
    name: 'service restart specifier',
    values: ['no', 'on-success', 'on-failure', 'on-abnormal', 'on-watchdog', 'on-abort', 'always'],
  },
  KillMode: { name: 'kill mode specification', values: ['control-group', 'process', 'mixed', 'none'] },
  'Service.ExitType': { name: 'service exit type', values: ['main', 'cgroup'] },
  'Service.NotifyAccess': { name: 'notify access specifier', values: ['none', 'main', 'exec', 'all'] },
  'Service.OOMPolicy': { name: 'OOM policy', values: ['continue', 'stop', 'kill'] },
  TimeoutStartFailureMode: { name: 'timeout failure mode', values: ['terminate', 'abort', 'kill'] },
  TimeoutStopFailureMode: { name: 'timeout failure mode', values: ['terminate', 'abort', 'kill'] },
  'Unit.CollectMode': { name: 'garbage collection mode', values: ['inactive', 'inactive-or-failed'] },
  'Unit.OnFailureJobMode': { name: 'job mode', values: JOB_MODES },
  'Unit.OnSuccessJobMode': { name: 'job mode', values: JOB_MODES },
};
/** Settings that take a boolean or one of a few words. */
const BOOLEAN_OR: Record<string, readonly string[]> = {
  ProtectSystem: ['full', 'strict'],
  ProtectHome: ['read-only', 'tmpfs'],
};
const OUTPUTS = ['inherit', 'null', 'tty', 'journal', 'kmsg', 'journal+console', 'kmsg+console', 'socket'];
const OBSOLETE_OUTPUTS = ['syslog', 'syslog+console'];
const INPUTS = ['null', 'tty', 'tty-force', 'tty-fail', 'socket', 'data'];
const ABSOLUTE_PATHS = new Set(['RootDirectory', 'RootImage', 'TTYPath', 'Where']);
const COMMAND_LINE = 'PATH [ARGUMENT [...]]';

/** Whether `key` in `[section]` is a command line (`ExecStart=` and the other `Exec*=` that run a command). */
export function isCommandLine(section: string, key: string): boolean {
  return DIRECTIVE_TABLE[section]?.[key] === COMMAND_LINE;
}

/** The problem systemd has with `value` for `key` in `[section]` (specifiers already resolved), if any. */
export function valueProblem(section: string, key: string, value: string): ValueProblem | undefined {
  const kind = DIRECTIVE_TABLE[section]?.[key];
  if (kind === undefined || value === '') return undefined;
  const enumeration = ENUMERATIONS[`${section}.${key}`] ?? ENUMERATIONS[key];
  if (key === 'Type' && value === 'notify-reload') return undefined;
  if (enumeration && !enumeration.values.includes(value))
    return { message: `Failed to parse ${enumeration.name}, ignoring: ${value}` };
  const words = BOOLEAN_OR[key];
  if (words && !BOOLEAN.test(value) && !words.includes(value))
    return { message: `Failed to parse ${key}= value, ignoring: ${value}` };
  if (kind === 'BOOLEAN' && !BOOLEAN.test(value))
    return { message: `Failed to parse boolean value, ignoring: ${value}` };
  if ((kind === 'SECONDS' || (kind === 'TIMER' && key !== 'OnCalendar')) && !isTimeSpan(value))
    return { message: `Failed to parse sec value, ignoring: ${value}` };
  if (key === 'OnCalendar' && !isCalendarSpec(value))
    return { message: `Failed to parse calendar specification, ignoring: ${value}` };
  if (kind === COMMAND_LINE) {
    const problem = execCommandProblem(value);
    return problem ? { message: `Invalid command line: ${problem}`, fatal: true } : undefined;
  }
  return otherProblem(section, key, kind, value);
}

const ACTIONS = [
  ...['none', 'reboot', 'reboot-force', 'reboot-immediate', 'poweroff', 'poweroff-force'],
  ...['poweroff-immediate', 'exit', 'exit-force'],
];
/** The documentation URL schemes systemd accepts (`Invalid URL, ignoring` otherwise). */
const DOCUMENTATION_URL = /^(https?:\/\/\S|file:\/|info:\S|man:\S)/;
/** The conditions (and asserts) that take a path, which must be absolute. */
const PATH_CONDITION =
  /^(Condition|Assert)(PathExists|PathExistsGlob|PathIs[A-Za-z]+|DirectoryNotEmpty|FileNotEmpty|FileIsExecutable)$/;

// The ones of otherProblem()'s checks that read [Unit]: actions, URLs, path conditions.
function unitSettingProblem(key: string, kind: string, value: string): ValueProblem | undefined {
  if (kind === 'ACTION' && !ACTIONS.includes(value))
    return { message: `Failed to parse ${key}=, ignoring: ${value}` };
  if (kind === 'URL') {
    const bad = (splitQuotedWords(value) ?? [value]).find((url) => !DOCUMENTATION_URL.test(url));
    if (bad !== undefined) return { message: `Invalid URL, ignoring: ${bad}` };
  }
  if (PATH_CONDITION.test(key)) {
    const path = value.replace(/^\|\s*/, '').replace(/^!\s*/, '');
    if (!path.startsWith('/') && !path.startsWith('%'))
      return { message: `${key}= path is not absolute, ignoring: ${value}` };
  }
  return undefined;
}

function otherProblem(section: string, key: string, kind: string, value: string): ValueProblem | undefined {
  const unitProblem = unitSettingProblem(key, kind, value);
  if (unitProblem) return unitProblem;
  const wordProblem =
    settingWordProblem(key, kind, value) ??
    numberValueProblem(key, kind, value) ??
    pathValueProblem(section, key, value) ??
    listenAddressProblem(key, value) ??
    filterListProblem(key, value) ??
    addressListProblem(key, value) ??
    deviceAllowProblem(key, value) ??
    environmentNamesProblem(key, value);
  if (wordProblem) return { message: wordProblem };
  if (kind === 'ENVIRON') {
    const problem = environmentProblem(value);
    return problem ? { message: `Invalid environment, ignoring (${problem}): ${value}` } : undefined;
  }
  if (key === 'WorkingDirectory' && !/^-?(~$|\/)/.test(value))
    return { message: `WorkingDirectory= path is not absolute: ${value}`, fatal: true };
  if (key === 'EnvironmentFile' && !value.replace(/^-/, '').startsWith('/'))
    return { message: `EnvironmentFile= path is not absolute, ignoring: ${value}` };
  if (ABSOLUTE_PATHS.has(key) && !value.replace(/^-/, '').startsWith('/'))
    return { message: `${key}= path is not absolute, ignoring: ${value}` };
  if ((key === 'User' || key === 'Group') && !/^[^\s:/][^:/]*$/.test(value))
    return { message: `Invalid user/group name or numeric ID: ${value}`, fatal: true };
  if (key === 'CPUQuota' && !/^(\d+(\.\d+)?|\.\d+)%$/.test(value.trim()))
    return { message: `Invalid CPU quota '${value}', ignoring.` };
  if (key === 'CPUQuota' && Number(value.trim().slice(0, -1)) <= 0)
    return { message: `Invalid CPU quota '${value}', ignoring.` };
  if (key === 'CPUAffinity' && !/^(numa|[\d\s,-]+)$/.test(value))
    return { message: `Failed to parse CPU affinity '${value}'` };
  if ((key === 'UMask' || key.endsWith('DirectoryMode') || key === 'SocketMode') && !OCTAL_MODE.test(value))
    return { message: `Failed to parse mode value, ignoring: ${value}` };
  if (kind === 'LIMIT' && key.startsWith('Limit')) {
    const problem = resourceLimitProblem(key, value);
    if (problem) return { message: problem };
  }
  if (kind === 'OUTPUT') return outputProblem(value);
  if (kind === 'INPUT' && !INPUTS.includes(value) && !/^(fd:|file:\/)/.test(value))
    return { message: `Failed to parse input specifier, ignoring: ${value}` };
  return undefined;
}

function outputProblem(value: string): ValueProblem | undefined {
  if (OUTPUTS.includes(value) || OBSOLETE_OUTPUTS.includes(value)) return undefined;
  if (/^(fd:.*|(file|append|truncate):\/.*)$/.test(value)) return undefined;
  return { message: `Failed to parse output specifier, ignoring: ${value}` };
}

/** Why a value systemd accepts is still likely a mistake (it rewrites it, or warns about it), if it is. */
export function valueNotice(key: string, value: string): string | undefined {
  if (key === 'Type' && value === 'notify-reload')
    return 'Type=notify-reload needs systemd newer than 252 (up to 257): older versions ignore it';
  if ((key === 'StandardOutput' || key === 'StandardError') && OBSOLETE_OUTPUTS.includes(value))
    return `${key}=${value} is obsolete: systemd uses journal instead`;
  if (key === 'KillMode' && value === 'none')
    return 'KillMode=none is unsafe and deprecated: systemd leaves the processes running on stop';
  return undefined;
}
