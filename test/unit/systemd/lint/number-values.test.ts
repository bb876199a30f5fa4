import { describe, expect, it } from 'vitest';
import { numberValueProblem } from '../../../../src/systemd/lint/number-values.js';

// Each case was put to systemd-analyze verify (systemd 252); the conformance files hold the same shapes.
describe('number-like values, as systemd 252 reads them', () => {
  it.each([
    ['IOSchedulingPriority', 'IOPRIORITY', ['0', ' 7', '+3'], ['8', '-1', 'high']],
    ['CPUSchedulingPriority', 'CPUSCHEDPRIO', ['0', '99', '0x10'], ['100', '-1', 'abc']],
    ['TimerSlackNSec', 'NANOSECONDS', ['50', '50ns', '1.5', 'infinity'], ['50 nanoseconds', 'abc']],
    ['JobTimeoutSec', 'OTHER', ['5', '2 minutes', 'infinity'], ['5 mins']],
    ['Priority', 'OTHER', ['-1', '32767'], ['-2', '32768', 'abc']],
    ['Priority', 'INTEGER', ['-1', '+5', '0x10', '010'], ['1.5', 'high']],
    ['PipeSize', 'SIZE', ['1024', '1.5K', '1 G', '16B', '0'], ['4k', '1KB', '1KiB', 'K', '-1']],
    ['MessageQueueMaxMessages', 'LONG', ['5', '-5', '0x5'], ['abc']],
    ['TTYRows', 'OTHER', ['24', '0x50'], ['-1', 'abc']],
    ['MountAPIVFS', 'OTHER', ['yes', 'off'], ['maybe']],
    [
      'SuccessExitStatus',
      'STATUS',
      ['1', '0 143 SIGTERM', 'RTMIN+2', '0x10', 'NAMESPACE'],
      ['256', 'sigterm', '1 abc', '0x1ff', '1.5'],
    ],
    [
      'RestrictNamespaces',
      'NAMESPACES',
      ['yes', 'no', '~net', 'net ipc', '~user net'],
      ['~network', 'mnt~', 'abc'],
    ],
  ])('%s (%s)', (key, kind, accepted, ignored) => {
    for (const value of accepted) expect(numberValueProblem(key, kind, value), value).toBeUndefined();
    for (const value of ignored) expect(numberValueProblem(key, kind, value), value).toMatch(/ignoring/);
  });

  it('names the word systemd stops at in an exit status list', () => {
    expect(numberValueProblem('RestartPreventExitStatus', 'STATUS', '143 abc-d')).toBe(
      'Failed to parse value, ignoring: abc-d',
    );
  });

  it('leaves the settings it does not know alone', () => {
    expect(numberValueProblem('Description', 'OTHER', 'anything')).toBeUndefined();
  });
});
