// How long the history keeps runs: HFLEET_HISTORY_DAYS (default 30), checked once where it is read.
import { HfleetError } from '../errors.js';

/** Days of history kept when nothing else is set. */
export const DEFAULT_RETENTION_DAYS = 30;

/** The retention in days from the environment; a value that is not a whole number of days >= 1 is a usage error. */
export function retentionDays(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env['HFLEET_HISTORY_DAYS'];
  if (raw === undefined || raw === '') return DEFAULT_RETENTION_DAYS;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) {
    throw new HfleetError('USAGE', `HFLEET_HISTORY_DAYS: must be a whole number of days >= 1 (got '${raw}')`);
  }
  return Number(raw);
}
