import { describe, expect, it } from 'vitest';
import { DIRECTIVE_TABLE } from '../../../../src/systemd/lint/directive-table.js';
import { settingWordProblem } from '../../../../src/systemd/lint/setting-words.js';
import { scratchDir } from '../../../support/scratch-dir.js';
import { HAS_SYSTEMD_ANALYZE, SKIP_REASON, systemdAcceptsSetting } from '../analyze.js';

// [section, key, value]
const ACCEPTED: [string, string, string][] = [
  ['Service', 'KillSignal', 'SIGINT'],
  ['Service', 'KillSignal', 'HUP'],
  ['Service', 'KillSignal', 'SIGRTMIN+2'],
  ['Service', 'FinalKillSignal', '9'],
  ['Service', 'IOSchedulingClass', 'best-effort'],
  ['Service', 'CPUSchedulingPolicy', 'fifo'],
  ['Service', 'ProtectProc', 'invisible'],
  ['Service', 'SyslogLevel', 'warning'],
  ['Service', 'SyslogFacility', 'local3'],
  ['Service', 'DevicePolicy', 'closed'],
  ['Service', 'RuntimeDirectoryPreserve', 'Yes'],
  ['Service', 'IOWeight', '500'],
  ['Service', 'CPUWeight', 'idle'],
  ['Service', 'TasksMax', '25%'],
  ['Socket', 'BindIPv6Only', 'true'],
  ['Socket', 'Service', 'worker.service'],
];
const IGNORED: [string, string, string][] = [
  ['Service', 'KillSignal', 'sigterm'],
  ['Service', 'KillSignal', 'SIGIOT'],
  ['Service', 'IOSchedulingClass', 'low'],
  ['Service', 'CPUSchedulingPolicy', 'deadline'],
  ['Service', 'SyslogLevel', 'error'],
  ['Service', 'SyslogFacility', 'security'],
  ['Service', 'CPUWeight', '0'],
  ['Service', 'TasksMax', '0'],
  ['Socket', 'SocketProtocol', 'udp'],
  ['Socket', 'Service', 'worker'],
];
const kind = (section: string, key: string) => DIRECTIVE_TABLE[section]?.[key] ?? '';

describe('settingWordProblem', () => {
  it.each(ACCEPTED)('[%s] %s=%s is accepted', (section, key, value) =>
    expect(settingWordProblem(key, kind(section, key), value)).toBeUndefined(),
  );
  it.each(IGNORED)('[%s] %s=%s is not', (section, key, value) =>
    expect(settingWordProblem(key, kind(section, key), value)).toBeDefined(),
  );
});

describe.skipIf(!HAS_SYSTEMD_ANALYZE)(`the same as systemd (else skipped: ${SKIP_REASON})`, () => {
  it('agrees with systemd-analyze verify on each value', () => {
    const dir = scratchDir('hfleet-words-');
    const disagreements = [...ACCEPTED, ...IGNORED].filter(
      ([section, key, value], index) =>
        systemdAcceptsSetting(dir, section, key, value, index) !==
        (settingWordProblem(key, kind(section, key), value) === undefined),
    );
    expect(disagreements).toEqual([]);
  });
});
