import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { isCalendarSpec } from '../../../../src/systemd/lint/calendar-spec.js';
import { HAS_SYSTEMD_ANALYZE, SKIP_REASON } from '../analyze.js';

describe('isCalendarSpec', () => {
  it.each([
    'daily',
    'weekly',
    'Mon..Fri *-*-* 09:00:00',
    'Sat,Sun 10:00',
    '*-*~1 04:30',
    '*:0/15',
    '2024-01-01',
    '*-*-* 03:00:00 UTC',
    '*-*-1 00:00 Europe/Berlin',
    'Mon',
    'semi-annually',
    'Bi-Annually',
  ])('accepts %j', (text) => expect(isCalendarSpec(text)).toBe(true));
  it.each(['every day', '', 'tomorrow', '25:00:00:00', 'Mon Tue', 'daily at noon'])('refuses %j', (text) =>
    expect(isCalendarSpec(text)).toBe(false),
  );
});

describe.skipIf(!HAS_SYSTEMD_ANALYZE)(
  `isCalendarSpec agrees with systemd-analyze calendar (else skipped: ${SKIP_REASON})`,
  () => {
    it('on a list of specs in and out of the grammar', () => {
      const specs = [
        ...['Mon', '*-*~1 04:30', 'Mon Tue', '25:00:00:00', 'daily UTC', 'mon..fri 9:00', 'Mon-Fri 10:00'],
        ...['*-*-* 00/2:00', 'Fri *-*-1..7 10:00', '@1395716396', 'today', 'hourly Europe/Berlin', '*:*'],
        ...[
          'Wed 2020-*-* 8:00',
          '*-02-29',
          'every day',
          'Sun,Sat 03:00',
          '00:00 UTC',
          'Tue..Sat *-*-* 02:00:00',
          'semi-annually',
          'biannually',
          'Quarterly UTC',
        ],
      ];
      for (const spec of specs) {
        const systemd = spawnSync('systemd-analyze', ['calendar', spec]).status === 0;
        expect(isCalendarSpec(spec), spec).toBe(systemd);
      }
    });
  },
);
