import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIRECTIVE_TABLE } from '../../../../src/systemd/lint/directive-table.js';
import { refusesEmptyValue } from '../../../../src/systemd/lint/empty-values.js';
import { scratchDir } from '../../../support/scratch-dir.js';
import { HAS_SYSTEMD_ANALYZE, SKIP_REASON, verifyUnits } from '../analyze.js';

describe('refusesEmptyValue', () => {
  it.each([
    ['Service', 'RestartSec'],
    ['Service', 'Type'],
    ['Service', 'PrivateTmp'],
    ['Service', 'LimitNOFILE'],
    ['Service', 'TimeoutStopSec'],
    ['Service', 'ProtectSystem'],
    ['Timer', 'Unit'],
  ])('%s %s= is ignored', (section, key) => expect(refusesEmptyValue(section, key)).toBe(true));
  it.each([
    ['Service', 'ExecStart'],
    ['Service', 'Environment'],
    ['Service', 'User'],
    ['Service', 'MemoryMax'],
    ['Service', 'KillMode'],
    ['Timer', 'OnCalendar'],
    ['Unit', 'After'],
  ])('%s %s= resets', (section, key) => expect(refusesEmptyValue(section, key)).toBe(false));
});

// What systemd says about `Key=` for one key: the message about the empty value, if any.
const EMPTY_REFUSED =
  /(ignoring: ?$|'', ignoring|Failed to parse boolean value: ?$|Failed to load slice unit)/;
const SHELLS: Record<string, (line: string) => { type: string; text: string }> = {
  Unit: (line) => ({ type: 'service', text: `[Unit]\n${line}\n[Service]\nExecStart=/bin/true\n` }),
  Service: (line) => ({ type: 'service', text: `[Service]\nExecStart=/bin/true\n${line}\n` }),
  Install: (line) => ({ type: 'service', text: `[Service]\nExecStart=/bin/true\n[Install]\n${line}\n` }),
  Socket: (line) => ({ type: 'socket', text: `[Socket]\nListenStream=8080\n${line}\n` }),
  Timer: (line) => ({ type: 'timer', text: `[Timer]\nOnCalendar=daily\n${line}\n` }),
  Path: (line) => ({ type: 'path', text: `[Path]\nPathExists=/srv\n${line}\n` }),
};

describe.skipIf(!HAS_SYSTEMD_ANALYZE)(`the same as systemd (else skipped: ${SKIP_REASON})`, () => {
  it('agrees with systemd-analyze verify on `Key=` for every key of six sections', () => {
    const dir = scratchDir('hfleet-empty-');
    const cases = Object.entries(SHELLS).flatMap(([section, shell]) =>
      Object.keys(DIRECTIVE_TABLE[section] ?? {}).map((key) => {
        const { type, text } = shell(`${key}=`);
        const path = join(dir, `${section}-${key}.${type}`);
        writeFileSync(path, text);
        return { section, key, name: `${section}-${key}.${type}:` };
      }),
    );
    const { messages } = verifyUnits(cases.map((item) => join(dir, item.name.slice(0, -1))));
    const disagreements = cases.filter(({ section, key, name }) => {
      const refused = messages.some((message) => message.startsWith(name) && EMPTY_REFUSED.test(message));
      return refused !== refusesEmptyValue(section, key);
    });
    expect(disagreements.map(({ section, key }) => `${section}.${key}`)).toEqual([]);
    expect(cases.length).toBeGreaterThan(500);
  });
});
