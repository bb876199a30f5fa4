import { describe, expect, it } from 'vitest';
import { unsettledUnits } from '../../../src/remote/settle-script.js';

describe('unsettledUnits', () => {
  it('passes units that held still', () => {
    const out =
      'A\thub-platform.service\tMainPID=100 NRestarts=0 ActiveState=active \nB\thub-platform.service\tMainPID=100 NRestarts=0 ActiveState=active \n';
    expect(unsettledUnits(out)).toEqual([]);
  });

  it('flags a restart count that grew (a crash loop between two curls)', () => {
    const out =
      'A\tu.service\tNRestarts=2 MainPID=7 ActiveState=active\nB\tu.service\tNRestarts=3 MainPID=9 ActiveState=active\n';
    expect(unsettledUnits(out)).toEqual([
      { unit: 'u.service', reason: 'restarted 1 time(s) while settling (crash loop?)' },
    ]);
  });

  it('flags a unit that stopped being active or changed its main process', () => {
    const out = [
      'A\ta.service\tNRestarts=0 MainPID=7 ActiveState=active',
      'A\tb.service\tNRestarts=0 MainPID=8 ActiveState=active',
      'B\ta.service\tNRestarts=0 MainPID=0 ActiveState=activating',
      'B\tb.service\tNRestarts=0 MainPID=9 ActiveState=active',
    ].join('\n');
    expect(unsettledUnits(out).map((u) => u.reason)).toEqual([
      'activating while settling',
      'main process changed while settling (8 -> 9)',
    ]);
  });
});
