import { describe, expect, it } from 'vitest';
import { valueProblem } from '../../../../src/systemd/lint/value-rules.js';
import { scratchDir } from '../../../support/scratch-dir.js';
import { HAS_SYSTEMD_ANALYZE, SKIP_REASON, systemdAcceptsSetting } from '../analyze.js';

// [section, key, value]: values systemd 252 takes, then values it ignores (or refuses the unit for).
const ACCEPTED: [string, string, string][] = [
  ['Unit', 'FailureAction', 'reboot-force'],
  ['Unit', 'SuccessAction', 'exit'],
  ['Unit', 'StartLimitBurst', '10'],
  ['Unit', 'Documentation', 'https://docs.lab.test/app man:app(8) file:/usr/share/doc/app info:app'],
  ['Unit', 'ConditionPathExists', '|!/etc/app/disabled'],
  ['Unit', 'AssertPathIsDirectory', '/srv/app'],
  ['Unit', 'ConditionFileNotEmpty', '%h/.config/app.toml'],
  ['Service', 'CPUQuota', '250%'],
  ['Service', 'TimeoutStopSec', '1min 30s'],
  ['Service', 'WorkingDirectory', '-~'],
];
const IGNORED: [string, string, string][] = [
  ['Unit', 'FailureAction', 'restart'],
  ['Unit', 'SuccessAction', 'Poweroff'],
  ['Unit', 'StartLimitBurst', 'five'],
  ['Unit', 'Documentation', 'docs.lab.test/app'],
  ['Unit', 'ConditionPathExists', 'etc/app/enabled'],
  ['Unit', 'ConditionPathExists', '!|/etc/app/enabled'],
  ['Unit', 'AssertPathIsDirectory', '~/srv'],
  ['Service', 'CPUQuota', '0.25'],
  ['Service', 'TimeoutStopSec', 'soon'],
  ['Service', 'WorkingDirectory', '~/app'],
];

describe('valueProblem', () => {
  it.each(ACCEPTED)('[%s] %s=%s is accepted', (section, key, value) =>
    expect(valueProblem(section, key, value)).toBeUndefined(),
  );
  it.each(IGNORED)('[%s] %s=%s is not', (section, key, value) =>
    expect(valueProblem(section, key, value)).toBeDefined(),
  );
});

describe.skipIf(!HAS_SYSTEMD_ANALYZE)(`the same as systemd (else skipped: ${SKIP_REASON})`, () => {
  it('agrees with systemd-analyze verify on each value', () => {
    const dir = scratchDir('hfleet-values-');
    const disagreements = [...ACCEPTED, ...IGNORED].filter(
      ([section, key, value], index) =>
        systemdAcceptsSetting(dir, section, key, value, index) !==
        (valueProblem(section, key, value) === undefined),
    );
    expect(disagreements).toEqual([]);
  });
});
