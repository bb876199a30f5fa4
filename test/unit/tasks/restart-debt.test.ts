// Owed restarts read from `systemctl show` as recorded on systemd 247, 252 and 257 (bullseye lost them on 247).
import { describe, expect, it } from 'vitest';
import { emptyFacts } from '../../../src/facts/parse.js';
import { owedRestarts, runningSince } from '../../../src/tasks/restart-debt.js';
import { RECORDED_VERSIONS, recordedShow } from '../facts/recorded-show.js';

const CLOUD = 'hub-cloud.service';
const BOOTED_AT = 1_795_963_347;

// Facts of a converged host from a version's recorded show output, with hub-cloud's drop-in written at `dropinAt`.
function factsOn(version: string, dropinAt: (started: number) => number) {
  const facts = emptyFacts();
  facts.bootedAt = BOOTED_AT;
  facts.units = recordedShow(version);
  const started = runningSince(facts, CLOUD)!;
  facts.dropins.set(`/etc/systemd/system/${CLOUD}.d`, [
    { name: 'zz-debug.conf', mtime: Math.floor(dropinAt(started)) },
  ]);
  return { facts, started };
}

describe.each(RECORDED_VERSIONS)('owed restarts on systemd %s', (version) => {
  it('knows when the process started: boot time plus its time since boot', () => {
    const { started } = factsOn(version, (at) => at);
    expect(started).toBeGreaterThan(BOOTED_AT + 1000);
    expect(started).toBeLessThan(BOOTED_AT + 1400);
  });

  it('a drop-in written after the process started is an owed restart; one written before is not', () => {
    expect(owedRestarts(factsOn(version, (at) => at + 5).facts, [CLOUD])).toEqual([CLOUD]);
    expect(owedRestarts(factsOn(version, (at) => at - 5).facts, [CLOUD])).toEqual([]);
  });

  it('a drop-in written in the same second as the start is not taken for newer', () => {
    expect(owedRestarts(factsOn(version, (at) => at).facts, [CLOUD])).toEqual([]);
  });
});
