// systemd value grammars drift compares in: time spans, booleans, memory limits in bytes.
import { parseMemoryLimit } from '../systemd/memory-limit.js';

const USEC_PER: ReadonlyArray<readonly [RegExp, number]> = [
  [/^(us|usec|µs)$/, 1],
  [/^(ms|msec)$/, 1e3],
  [/^(s|sec|second|seconds)?$/, 1e6],
  [/^(m|min|minute|minutes)$/, 60e6],
  [/^(h|hr|hour|hours)$/, 3600e6],
  [/^(d|day|days)$/, 86400e6],
  [/^(w|week|weeks)$/, 604800e6],
  [/^(M|month|months)$/, 2629800e6],
  [/^(y|year|years)$/, 31557600e6],
];

/** A systemd time span (`15`, `15s`, `1min 30s`, `infinity`) in microseconds; undefined when unreadable. */
export function timespanUsec(text: string): number | 'infinity' | undefined {
  const value = text.trim();
  if (value === 'infinity') return 'infinity';
  if (value === '') return undefined;
  let total = 0;
  const parts = value.match(/\d+(?:\.\d+)?\s*[a-zA-Zµ]*/g);
  if (!parts || parts.join('').replace(/\s/g, '') !== value.replace(/\s/g, '')) return undefined;
  for (const part of parts) {
    const [, number = '', unit = ''] = /^(\d+(?:\.\d+)?)\s*(.*)$/.exec(part) ?? [];
    const scale = USEC_PER.find(([pattern]) => pattern.test(unit))?.[1];
    if (scale === undefined) return undefined;
    total += Number(number) * scale;
  }
  return Math.round(total);
}

/** True when two time spans mean the same duration (text equality when either is unreadable). */
export function sameTimespan(a: string, b: string): boolean {
  const left = timespanUsec(a);
  const right = timespanUsec(b);
  if (left === undefined || right === undefined) return a.trim() === b.trim();
  return left === right;
}

/** A systemd boolean as `systemctl show` prints it (`yes`/`no`); other text unchanged. */
export function showBoolean(text: string): string {
  const value = text.trim().toLowerCase();
  if (['1', 'yes', 'y', 'true', 't', 'on'].includes(value)) return 'yes';
  if (['0', 'no', 'n', 'false', 'f', 'off'].includes(value)) return 'no';
  return text.trim();
}

/** A MemoryMax= value as `systemctl show` prints it (bytes or `infinity`); undefined for a percentage. */
export function showMemoryMax(text: string): string | undefined {
  const limit = parseMemoryLimit(text);
  if (!limit) return text.trim();
  if (limit.kind === 'infinity') return 'infinity';
  if (limit.kind === 'percent') return undefined;
  return limit.bytes.toString();
}
