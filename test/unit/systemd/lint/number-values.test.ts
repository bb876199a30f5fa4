import { describe, expect, it } from 'vitest';
import { DIRECTIVE_TABLE } from '../../../../src/systemd/lint/directive-table.js';
import { numberValueProblem } from '../../../../src/systemd/lint/number-values.js';
import { scratchDir } from '../../../support/scratch-dir.js';
import { HAS_SYSTEMD_ANALYZE, SKIP_REASON, systemdAcceptsSetting } from '../analyze.js';

// [section, key, values systemd 252 takes, values it ignores]; the kind comes from the directive table, so a
// key that means two things (a socket's and a swap's Priority=) is read as the section has it.
const CASES: [string, string, string[], string[]][] = [
  ['Service', 'IOSchedulingPriority', ['0', ' 7', '+3'], ['8', '-1', 'high']],
  ['Service', 'CPUSchedulingPriority', ['0', '99', '0x10'], ['100', '-1', 'abc']],
  ['Service', 'Nice', ['-20', '19', '+5', '0x5', ' 5'], ['20', '-21', 'abc']],
  ['Service', 'OOMScoreAdjust', ['-1000', '1000', '0x10'], ['1001', 'abc']],
  ['Service', 'TimeoutStopSec', ['1min 30s', 'infinity'], ['soon']],
  ['Service', 'TimerSlackNSec', ['50', '50ns', '1.5', 'infinity'], ['50 nanoseconds', 'abc']],
  ['Unit', 'JobTimeoutSec', ['5', '2 minutes', 'infinity'], ['5 mins']],
  ['Unit', 'StartLimitBurst', ['10', '0x10'], ['five', '-1']],
  ['Swap', 'Priority', ['-1', '32767'], ['-2', '32768', 'abc']],
  ['Socket', 'Priority', ['-1', '+5', '0x10', '010'], ['1.5', 'high']],
  ['Socket', 'PipeSize', ['1024', '1.5K', '1 G', '16B', '0'], ['4k', '1KB', '1KiB', 'K', '-1']],
  ['Socket', 'MessageQueueMaxMessages', ['5', '-5', '0x5'], ['abc']],
  ['Service', 'TTYRows', ['24', '0x50'], ['-1', 'abc']],
  ['Service', 'MountAPIVFS', ['yes', 'off'], ['maybe']],
  [
    'Service',
    'SuccessExitStatus',
    ['1', '0 143 SIGTERM', 'RTMIN+2', '0x10', 'NAMESPACE'],
    ['256', 'sigterm', '1 abc', '0x1ff', '1.5'],
  ],
  [
    'Service',
    'RestrictNamespaces',
    ['yes', 'no', '~net', 'net ipc', '~user net'],
    ['~network', 'mnt~', 'abc'],
  ],
];
const problem = (section: string, key: string, value: string) =>
  numberValueProblem(key, DIRECTIVE_TABLE[section]?.[key] ?? '', value);

describe('number-like values, as systemd 252 reads them', () => {
  it.each(CASES)('[%s] %s', (section, key, accepted, ignored) => {
    for (const value of accepted) expect(problem(section, key, value), value).toBeUndefined();
    for (const value of ignored) expect(problem(section, key, value), value).toMatch(/ignoring/);
  });

  it('names the word systemd stops at in an exit status list', () => {
    expect(problem('Service', 'RestartPreventExitStatus', '143 abc-d')).toBe(
      'Failed to parse value, ignoring: abc-d',
    );
  });

  it('leaves the settings it does not know alone', () => {
    expect(problem('Unit', 'Description', 'anything')).toBeUndefined();
  });
});

describe.skipIf(!HAS_SYSTEMD_ANALYZE)(`the same as systemd (else skipped: ${SKIP_REASON})`, () => {
  it('agrees with systemd-analyze verify on each value', () => {
    const dir = scratchDir('hfleet-numbers-');
    const values = CASES.flatMap(([section, key, accepted, ignored]) =>
      [...accepted, ...ignored].map((value) => [section, key, value] as const),
    );
    const disagreements = values.filter(
      ([section, key, value], index) =>
        systemdAcceptsSetting(dir, section, key, value, index) !==
        (problem(section, key, value) === undefined),
    );
    expect(values.length).toBeGreaterThan(80);
    expect(disagreements).toEqual([]);
  });
});
