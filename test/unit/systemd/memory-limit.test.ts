import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseMemoryLimit, sameMemoryLimit } from '../../../src/systemd/memory-limit.js';
import { HAS_SYSTEMD_ANALYZE, SKIP_REASON, verifyUnits } from './analyze.js';

// Accepted and refused by systemd 252's `systemd-analyze verify` on this machine.
const ACCEPTED = [
  '1500M',
  '1.5G',
  '1500',
  'infinity',
  '50%',
  '100%',
  '50.5%',
  '1K',
  '2T',
  '1P',
  '1E',
  '1B',
  '+1M',
  '1500 M',
  '5.G',
  '0.5K',
  '20‰',
];
const REFUSED = [
  '1500m',
  '0',
  'Infinity',
  '101%',
  '0%',
  '1500MB',
  'M',
  '-1',
  '10Mi',
  '1e3',
  '.5G',
  '1 500M',
  '0.1B',
];

describe('parseMemoryLimit', () => {
  it.each(ACCEPTED)('accepts %s', (value) => expect(parseMemoryLimit(value)).toBeDefined());
  it.each(REFUSED)('refuses %s', (value) => expect(parseMemoryLimit(value)).toBeUndefined());

  it('normalises to bytes, so equal limits compare equal', () => {
    expect(parseMemoryLimit('1500M')).toEqual({ kind: 'bytes', bytes: 1572864000n });
    expect(sameMemoryLimit('1500M', '1572864000')).toBe(true);
    expect(sameMemoryLimit('1.5G', '1536M')).toBe(true);
    expect(sameMemoryLimit('900M', '1500M')).toBe(false);
    expect(sameMemoryLimit('50%', '500‰')).toBe(true);
  });
});

const scratch = mkdtempSync(join(tmpdir(), 'hfleet-memory-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe.skipIf(!HAS_SYSTEMD_ANALYZE)(`the same grammar as systemd (else skipped: ${SKIP_REASON})`, () => {
  it('agrees with systemd-analyze verify on every accepted and refused value', () => {
    const disagreements = [...ACCEPTED, ...REFUSED].filter((value, index) => {
      const path = join(scratch, `m${index}.service`);
      writeFileSync(path, `[Unit]\nDescription=m\n[Service]\nExecStart=/bin/true\nMemoryMax=${value}\n`);
      const systemdAccepts = verifyUnits([path]).messages.length === 0;
      return systemdAccepts !== (parseMemoryLimit(value) !== undefined);
    });
    expect(disagreements).toEqual([]);
  });
});
