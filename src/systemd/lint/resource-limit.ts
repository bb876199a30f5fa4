// systemd's grammar for the Limit*= resource limits (systemd.exec(7) "Process Properties"): `SOFT[:HARD]`,
// each `infinity` or a value in the unit the resource is counted in.
import { isTimeSpan } from './time-span.js';

/** Limits counted in bytes: a size with an optional K/M/G/T/P/E suffix. */
const BYTES = new Set(['FSIZE', 'DATA', 'STACK', 'CORE', 'RSS', 'AS', 'MEMLOCK', 'MSGQUEUE']);
/** Limits counted in time: a time span (seconds for CPU, microseconds for RTTIME when no unit is given). */
const TIMES = new Set(['CPU', 'RTTIME']);
const RESOURCES = new Set([...BYTES, ...TIMES, 'NICE', 'NOFILE', 'NPROC', 'LOCKS', 'SIGPENDING', 'RTPRIO']);
const COUNT = /^\+?(0x[0-9a-f]+|\d+)$/i;
const SIZE = /^\+?(\d+)(\.\d*)?\s*([KMGTPEB]?)$/;
const SHIFT: Record<string, number> = { '': 0, B: 0, K: 10, M: 20, G: 30, T: 40, P: 50, E: 60 };

/** What systemd 252 says when it ignores `Limit<RESOURCE>=value`, or undefined when it accepts it. */
export function resourceLimitProblem(key: string, value: string): string | undefined {
  const resource = key.replace(/^Limit/, '');
  if (!RESOURCES.has(resource)) return undefined;
  const parts = value.split(':');
  if (parts.length > 2) return `Failed to parse resource value, ignoring: ${value}`;
  const amounts = parts.map((part) => limitAmount(resource, part.trim()));
  if (amounts.some((amount) => amount === undefined))
    return `Failed to parse resource value, ignoring: ${value}`;
  const [soft, hard] = amounts as number[];
  if (hard !== undefined && soft !== undefined && soft > hard)
    return `Soft resource limit chosen higher than hard limit, ignoring: ${value}`;
  return undefined;
}

// The amount of one side of a limit (Infinity for `infinity`; NaN when it cannot be compared), or undefined
// when systemd cannot parse it.
function limitAmount(resource: string, text: string): number | undefined {
  if (text === 'infinity') return Number.POSITIVE_INFINITY;
  if (BYTES.has(resource)) {
    const size = SIZE.exec(text);
    if (!size) return undefined;
    return Number(`${size[1]}${size[2] ?? ''}`.replace(/\.$/, '')) * 2 ** (SHIFT[size[3] ?? ''] ?? 0);
  }
  if (TIMES.has(resource)) return isTimeSpan(text) ? Number.NaN : undefined;
  if (resource === 'NICE') return niceAmount(text);
  return COUNT.test(text) ? Number(text.replace(/^\+/, '')) : undefined;
}

// RLIMIT_NICE: a nice level (`-20`..`19`, with its sign) or the raw limit `0`..`40`.
function niceAmount(text: string): number | undefined {
  if (/^[+-]\d+$/.test(text)) {
    const nice = Number(text);
    return nice >= -20 && nice <= 19 ? 20 - nice : undefined;
  }
  if (/^\d+$/.test(text)) return Number(text) <= 40 ? Number(text) : undefined;
  return undefined;
}
