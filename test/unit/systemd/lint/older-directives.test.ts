import { describe, expect, it } from 'vitest';
import { lintUnitFile } from '../../../../src/systemd/lint/lint-unit.js';
import { newerNameOf, olderDirectiveSections } from '../../../../src/systemd/lint/older-directives.js';

// The list itself is checked against the real systemd 247 and 252 in test/e2e/lint-releases.test.ts.
describe('keys only systemd 247 reads', () => {
  it('names the key newer systemd reads instead, in the sections that have it', () => {
    expect(newerNameOf('Service', 'ManagedOOMMemoryPressureLimitPercent')).toBe(
      'ManagedOOMMemoryPressureLimit',
    );
    expect(newerNameOf('Timer', 'ManagedOOMMemoryPressureLimitPercent')).toBeUndefined();
    expect(newerNameOf('Service', 'MemoryMax')).toBeUndefined();
    expect(olderDirectiveSections().size).toBeGreaterThan(0);
  });

  it('is an older-key warning in a unit, not an unknown-key error', () => {
    const findings = lintUnitFile({
      path: 'app.slice',
      content: '[Slice]\nManagedOOMMemoryPressure=kill\nManagedOOMMemoryPressureLimitPercent=50%\n',
    });
    expect(findings.map((f) => [f.line, f.rule, f.severity])).toEqual([[3, 'older-key', 'warning']]);
  });
});
