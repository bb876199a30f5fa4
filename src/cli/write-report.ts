// Write the `--output FORMAT FILE` report of a run.
import { writeFileSync } from 'node:fs';
import { HfleetError } from '../errors.js';
import { type JunitCase, junitXml } from '../report/junit.js';

/** Check `--output` before any host is touched: only `junit FILE` is known. */
export function checkOutputOption(output: string[] | undefined): void {
  if (output === undefined) return;
  if (output.length !== 2 || output[0] !== 'junit' || !output[1]) {
    throw new HfleetError('USAGE', `--output: expected 'junit FILE', got '${output.join(' ')}'`);
  }
}

/** Write the report when `--output junit FILE` was given. */
export function writeReport(output: string[] | undefined, suite: string, cases: () => JunitCase[]): void {
  if (output === undefined) return;
  writeFileSync(output[1]!, junitXml(suite, cases()));
}
