import { afterEach, describe, expect, it } from 'vitest';
import { driftScript } from '../../../src/drift/drift-script.js';
import { factsScript } from '../../../src/facts/script.js';
import type { FactRequest } from '../../../src/facts/types.js';
import type { ResolvedHealthTask } from '../../../src/playbook/types.js';
import { applyScript } from '../../../src/remote/apply-script.js';
import { healthScript, healthWaits } from '../../../src/remote/health-script.js';
import { linesTagged, printTagged, TAG, taggedLines } from '../../../src/remote/protocol.js';
import { restartScript } from '../../../src/remote/restart-script.js';
import { ShellSession } from '../../../src/remote/shell-session.js';
import { emptyPlan } from '../../../src/tasks/plan-types.js';
import { localShellChannel } from '../../../src/transport/shell-channel.js';

let session: ShellSession | undefined;
afterEach(() => session?.close());

const request: FactRequest = {
  files: ['/etc/hostname'],
  dropinDirs: ['/etc/systemd/system/a.service.d'],
  users: ['root'],
  ownership: [{ path: '/etc', owner: 'root', group: 'root' }],
  units: ['a.service'],
  health: [{ unit: 'a.service', port: 8080, path: '/api/health' }],
  exists: ['/etc'],
};
const check: ResolvedHealthTask = {
  module: 'health',
  name: 'a',
  unit: 'a.service',
  port: 8080,
  path: '/api/health',
  timeoutSec: 5,
  settleSec: 1,
};

describe('the wire protocol', () => {
  it('gives every tag one meaning: no letter twice', () => {
    const letters = Object.values(TAG);
    expect(new Set(letters).size).toBe(letters.length);
    for (const letter of letters) expect(letter).toMatch(/^[A-Za-z]$/);
  });

  it('scripts write separators as escapes, never as literal TAB bytes', () => {
    const plan = { ...emptyPlan(), daemonReload: true, restart: ['a.service'] };
    const scripts = [
      factsScript(request, { waitSec: 0, holder: 'me' }),
      driftScript(request),
      applyScript(plan, 'me', 'summary'),
      healthScript(healthWaits([check])),
      restartScript(['a.service'], healthWaits([check])),
    ];
    for (const script of scripts) expect(script).not.toContain('\t');
  });

  it('reads back in node what printTagged prints in a real sh, fields kept whole', async () => {
    session = new ShellSession(localShellChannel(), 'local');
    const script = [
      printTagged(TAG.dropinText, "'a b'", "'c%sd'"),
      'echo untagged',
      printTagged(TAG.restartFailed, "'x.service'"),
    ].join('\n');
    const run = await session.run(script, { timeoutMs: 10_000, what: 'printing' });
    expect(linesTagged(run.stdout, TAG.dropinText)).toEqual([['a b', 'c%sd']]);
    expect(linesTagged(run.stdout, TAG.restartFailed)).toEqual([['x.service']]);
    expect(taggedLines(run.stdout).map((line) => line.tag)).toContain('untagged');
  });
});
