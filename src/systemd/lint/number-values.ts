// Settings whose value is a number (a count, a priority, `Nice=`, `OOMScoreAdjust=`), a size, a time span or
// a list of exit statuses or namespaces, each read as systemd 252's own parser reads it (systemd.exec(5), systemd.service(5), systemd.socket(5), systemd.swap(5),
// systemd.unit(5)). The messages are systemd's. Where systemd knows names hfleet does not list (exit status
// names), any name of that shape is let through: a miss costs less than a false error.
import { isTimeSpan } from './time-span.js';

/** A check of one value: systemd's message when it ignores the value, or undefined. */
type Grammar = (value: string) => string | undefined;

const INTEGER = /^\s*[+-]?(0x[0-9a-f]+|\d+)\s*$/i;
const UNSIGNED = /^\s*\+?(0x[0-9a-f]+|\d+)\s*$/i;
/** parse_size(): a decimal number and at most one of the suffixes B K M G T P E (powers of 1024). */
const SIZE = /^\s*(\d+(\.\d*)?|\.\d+)\s*[BKMGTPE]?\s*$/;
/** An exit status list's word: a number 0..255, or a signal or exit status name (upper case). */
const STATUS_NAME = /^[A-Z][A-Z0-9_]*([+-]\d+)?$/;
const NAMESPACES = new Set(['cgroup', 'ipc', 'net', 'mnt', 'pid', 'user', 'uts']);
const BOOLEAN = /^(1|yes|y|true|t|on|0|no|n|false|f|off)$/i;

const integerIn =
  (low: number, high: number, parseMessage: string, rangeMessage = parseMessage): Grammar =>
  (value) => {
    if (!INTEGER.test(value)) return `${parseMessage}, ignoring: ${value}`;
    const number = Number(value.trim());
    return number < low || number > high ? `${rangeMessage}, ignoring: ${value}` : undefined;
  };

const timeSpan =
  (message: string): Grammar =>
  (value) =>
    isTimeSpan(value) ? undefined : `${message}, ignoring: ${value}`;

const unsigned: Grammar = (value) =>
  UNSIGNED.test(value) ? undefined : `Failed to parse unsigned value, ignoring: ${value}`;

/** The settings checked here, by key, or by `key:kind` where one key means two things. */
const GRAMMARS: Record<string, Grammar> = {
  IOSchedulingPriority: integerIn(0, 7, 'Failed to parse IO priority'),
  CPUSchedulingPriority: integerIn(
    0,
    99,
    'Failed to parse CPU scheduling priority',
    'CPU scheduling priority is out of range',
  ),
  TimerSlackNSec: timeSpan('Failed to parse nsec value'),
  JobTimeoutSec: timeSpan('Failed to parse JobTimeoutSec= parameter'),
  JobRunningTimeoutSec: timeSpan('Failed to parse JobRunningTimeoutSec= parameter'),
  TimeoutAbortSec: timeSpan('Failed to parse TimeoutAbortSec= parameter'),
  TimeoutIdleSec: timeSpan('Failed to parse time value'),
  CPUQuotaPeriodSec: timeSpan('CPU quota period is invalid'),
  TTYRows: unsigned,
  TTYColumns: unsigned,
  'Priority:OTHER': integerIn(-1, 32767, 'Invalid swap priority', 'Swap priority out of range'),
  'Priority:INTEGER': integerIn(-(2 ** 31), 2 ** 31 - 1, 'Failed to parse int value'),
  IPTTL: integerIn(-(2 ** 31), 2 ** 31 - 1, 'Failed to parse int value'),
  Mark: integerIn(-(2 ** 31), 2 ** 31 - 1, 'Failed to parse int value'),
  MessageQueueMaxMessages: (value) =>
    INTEGER.test(value) ? undefined : `Failed to parse long value, ignoring: ${value}`,
  MessageQueueMessageSize: (value) =>
    INTEGER.test(value) ? undefined : `Failed to parse long value, ignoring: ${value}`,
  MountAPIVFS: (value) =>
    BOOLEAN.test(value) ? undefined : `Failed to parse boolean value, ignoring: ${value}`,
  Nice: integerIn(-20, 19, 'Failed to parse nice priority', 'Nice priority out of range'),
  OOMScoreAdjust: integerIn(
    -1000,
    1000,
    'Failed to parse the OOM score adjust value',
    'OOM score adjust value out of range',
  ),
  TimeoutStopSec: timeSpan('Failed to parse time value'),
  TimeoutSec: timeSpan('Failed to parse time value'),
};

/** What systemd says when it ignores `key=value` (of table kind `kind`) for one of these settings, or undefined. */
export function numberValueProblem(key: string, kind: string, value: string): string | undefined {
  const grammar = GRAMMARS[`${key}:${kind}`] ?? GRAMMARS[key];
  if (grammar) return grammar(value);
  if (kind === 'UNSIGNED') return unsigned(value);
  if (kind === 'SIZE' && !SIZE.test(value)) return `Failed to parse size value '${value}', ignoring`;
  if (kind === 'STATUS') return exitStatusProblem(value);
  if (kind === 'NAMESPACES') return namespacesProblem(value);
  return undefined;
}

// SuccessExitStatus= and the Restart*ExitStatus= lists: whitespace-separated numbers 0..255 and names.
function exitStatusProblem(value: string): string | undefined {
  for (const word of value.trim().split(/\s+/)) {
    const number = /^(0x[0-9a-f]+|\d+)$/i.test(word) ? Number(word) : undefined;
    if (number !== undefined ? number > 255 : !STATUS_NAME.test(word))
      return `Failed to parse value, ignoring: ${word}`;
  }
  return undefined;
}

// RestrictNamespaces=: a boolean, or namespace types (an optional leading `~` inverts the list).
function namespacesProblem(value: string): string | undefined {
  if (BOOLEAN.test(value)) return undefined;
  const words = value.replace(/^~/, '').split(/\s+/);
  const bad = words.find((word) => !NAMESPACES.has(word));
  return bad === undefined ? undefined : `Failed to parse namespace type string, ignoring: ${value}`;
}
