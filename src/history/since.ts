// `--since` values: a duration back from now (`30m`, `12h`, `2d`, `1w`) or an ISO date/time.
import { HfleetError } from '../errors.js';

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** The time (ms since the epoch) a `--since` value names. */
export function parseSince(value: string, nowMs: number): number {
  const duration = /^(\d+)([smhdw])$/.exec(value);
  if (duration) return nowMs - Number(duration[1]) * (UNIT_MS[duration[2] as string] as number);
  if (/^\d{4}-\d{2}-\d{2}/.test(value)) {
    const ms = Date.parse(value);
    if (!Number.isNaN(ms)) return ms;
  }
  throw new HfleetError('USAGE', `--since: '${value}' is neither a duration (30m, 12h, 2d, 1w) nor a date`, {
    hint: 'e.g. --since 2d or --since 2026-11-28',
  });
}
