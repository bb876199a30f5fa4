import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resourceLimitProblem } from '../../../../src/systemd/lint/resource-limit.js';
import { scratchDir } from '../../../support/scratch-dir.js';
import { HAS_SYSTEMD_ANALYZE, SKIP_REASON, verifyUnits } from '../analyze.js';

const ACCEPTED: [string, string][] = [
  ['LimitNOFILE', '65536'],
  ['LimitNOFILE', '8192:524288'],
  ['LimitNOFILE', 'infinity'],
  ['LimitNPROC', '+512'],
  ['LimitCORE', '0'],
  ['LimitCORE', '2.5G'],
  ['LimitMEMLOCK', '64 K'],
  ['LimitAS', '4G:infinity'],
  ['LimitCPU', '45min'],
  ['LimitCPU', '120'],
  ['LimitRTTIME', '200ms'],
  ['LimitNICE', '-10'],
  ['LimitNICE', '+19'],
  ['LimitNICE', '30'],
  ['LimitRTPRIO', '50'],
];
const REFUSED: [string, string][] = [
  ['LimitNOFILE', '64K'],
  ['LimitNOFILE', '2.5'],
  ['LimitNPROC', 'unlimited'],
  ['LimitSIGPENDING', '2M'],
  ['LimitNOFILE', 'infinity:4096'],
  ['LimitNOFILE', '8192:1024'],
  ['LimitNICE', '-25'],
  ['LimitNICE', '45'],
  ['LimitCPU', 'an hour'],
  ['LimitSTACK', '8MB'],
];

describe('resourceLimitProblem', () => {
  it.each(ACCEPTED)('%s=%s is accepted', (key, value) =>
    expect(resourceLimitProblem(key, value)).toBeUndefined(),
  );
  it.each(REFUSED)('%s=%s is ignored', (key, value) =>
    expect(resourceLimitProblem(key, value)).toBeDefined(),
  );

  it('names a soft limit above the hard one', () => {
    expect(resourceLimitProblem('LimitNOFILE', '8192:1024')).toMatch(/Soft resource limit chosen higher/);
  });
});

describe.skipIf(!HAS_SYSTEMD_ANALYZE)(`the same grammar as systemd (else skipped: ${SKIP_REASON})`, () => {
  it('agrees with systemd-analyze verify on every accepted and refused value', () => {
    const dir = scratchDir('hfleet-limits-');
    const disagreements = [...ACCEPTED, ...REFUSED].filter(([key, value], index) => {
      const path = join(dir, `l${index}.service`);
      writeFileSync(path, `[Unit]\nDescription=l\n[Service]\nExecStart=/bin/true\n${key}=${value}\n`);
      const systemdAccepts = verifyUnits([path]).messages.length === 0;
      return systemdAccepts !== (resourceLimitProblem(key, value) === undefined);
    });
    expect(disagreements).toEqual([]);
  });
});
