import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isValidMemoryMax } from '../../../../src/inventory/validate/memory-max.js';
import { scratchDir } from '../../../support/scratch-dir.js';

const ACCEPTED = [
  '900M',
  '1500M',
  '1500000000',
  '1.5G',
  '1K',
  '0.5K',
  '15E',
  '1T',
  '12.5%',
  '0.01%',
  '100%',
  '100.0%',
  'infinity',
];
const REFUSED = [
  '900MB',
  '900m',
  '-1',
  'abc',
  '1.5.0G',
  '0',
  '0%',
  '101%',
  '100.01%',
  '12.555%',
  '1e3',
  '0x10',
  'Infinity',
  '16E',
  '.5G',
  '1,5G',
  '',
  ' 900M',
  '18446744073709551615',
];

// What systemd's own parser says about `MemoryMax=value` (undefined when systemd-analyze is not installed).
function systemdAccepts(value: string): boolean | undefined {
  let dir: string;
  try {
    execFileSync('systemd-analyze', ['--version'], { stdio: 'ignore' });
    dir = scratchDir('hfleet-memmax-');
  } catch {
    return undefined;
  }
  const unit = join(dir, 'probe.service');
  writeFileSync(unit, `[Service]\nExecStart=/bin/true\nMemoryMax=${value}\n`);
  let output = '';
  try {
    execFileSync('systemd-analyze', ['verify', unit], { stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    output = String((error as { stderr?: Buffer }).stderr ?? '');
  }
  return !/memory limit/i.test(output);
}

describe('isValidMemoryMax', () => {
  it.each(ACCEPTED)('accepts %s', (value) => {
    expect(isValidMemoryMax(value)).toBe(true);
  });

  it.each(REFUSED)('refuses %j', (value) => {
    expect(isValidMemoryMax(value)).toBe(false);
  });

  // On a machine with systemd, check hfleet never lets through what systemd itself would ignore.
  it('agrees with systemd-analyze where it is installed', () => {
    const verdicts = [...ACCEPTED, ...REFUSED.filter((value) => value.trim() !== '')].map((value) => [
      value,
      systemdAccepts(value),
    ]);
    if (verdicts.some(([, verdict]) => verdict === undefined)) return;
    for (const [value, systemd] of verdicts) {
      if (isValidMemoryMax(value as string)) expect({ value, systemd }).toEqual({ value, systemd: true });
    }
    expect(verdicts.filter(([value]) => ACCEPTED.includes(value as string)).every(([, ok]) => ok)).toBe(true);
  }, 30_000);
});
