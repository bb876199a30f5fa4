// The failure of a health gate, carrying every check's outcome so the report can show them.
import { HfleetError } from '../errors.js';
import type { HealthOutcome } from '../remote/health-script.js';

/** A health gate that did not pass in time: HEALTH_TIMEOUT, with the outcome of every check. */
export class HealthTimeoutError extends HfleetError {
  readonly outcomes: HealthOutcome[];

  constructor(message: string, outcomes: readonly HealthOutcome[] = []) {
    super('HEALTH_TIMEOUT', message);
    this.name = 'HealthTimeoutError';
    this.outcomes = [...outcomes];
  }
}
