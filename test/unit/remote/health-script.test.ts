import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type HealthWait, healthScript, parseHealthOutput } from '../../../src/remote/health-script.js';
import { ShellSession } from '../../../src/remote/shell-session.js';
import { localShellChannel } from '../../../src/transport/shell-channel.js';

// A stand-in `systemctl show` on PATH: each unit's properties come from a shell snippet that sees the call
// count `$n`, so a test scripts a unit's life deterministically (the health script itself runs in a real sh).
let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = '';
});

function fakeSystemctl(units: Record<string, string>): string {
  dir = mkdtempSync(path.join(tmpdir(), 'hfleet-health-'));
  const fake = path.join(dir, 'systemctl');
  writeFileSync(
    fake,
    '#!/bin/sh\nfor u; do :; done\nn=$(cat "$HF_FAKE/$u.n" 2>/dev/null || echo 0); n=$((n+1)); echo $n > "$HF_FAKE/$u.n"\n. "$HF_FAKE/$u.sh"\n',
  );
  chmodSync(fake, 0o755);
  for (const [unit, body] of Object.entries(units)) writeFileSync(path.join(dir, `${unit}.sh`), body);
  return `export PATH=${dir}:$PATH HF_FAKE=${dir}\n`;
}

const steady =
  "printf 'Type=simple\\nActiveState=active\\nSubState=running\\nResult=success\\nMainPID=42\\nNRestarts=0\\n'\n";
// Active at every look, but systemd restarts it between looks: the moment of running a crash loop shows.
const flickering =
  "printf 'Type=simple\\nActiveState=active\\nSubState=running\\nResult=success\\nMainPID=%s\\nNRestarts=%s\\n' $((100+n)) $n\n";
const autoRestart =
  "printf 'Type=simple\\nActiveState=activating\\nSubState=auto-restart\\nResult=exit-code\\nMainPID=0\\nNRestarts=%s\\n' $n\n";

async function waitOn(prefix: string, waits: HealthWait[]) {
  const session = new ShellSession(localShellChannel(), 'local');
  try {
    const run = await session.run(prefix + healthScript(waits), { timeoutMs: 30_000, what: 'health' });
    return parseHealthOutput(run.stdout, waits);
  } finally {
    session.close();
  }
}

const wait = (unit: string, settleSec: number, timeoutSec = 2): HealthWait => ({
  unit,
  port: undefined,
  path: '/api/health',
  timeoutSec,
  settleSec,
});

describe('the health wait, run by a real sh', () => {
  it('passes a unit that held still, fails one that looked active but restarted, and one that never ran', async () => {
    const prefix = fakeSystemctl({ 'a.service': steady, 'b.service': flickering, 'c.service': autoRestart });
    const outcomes = await waitOn(prefix, [wait('a.service', 1), wait('b.service', 1), wait('c.service', 1)]);
    expect(outcomes.map((o) => [o.unit, o.healthy])).toEqual([
      ['a.service', true],
      ['b.service', false],
      ['c.service', false],
    ]);
    expect(outcomes[1]?.reason).toMatch(/^crash loop: systemd restarted it 1 time within the settle window/);
    expect(outcomes[2]?.reason).toMatch(
      /^crash-loop: activating\/auto-restart: systemd restarted it \d+ times?$/,
    );
  });

  it('without a settle window, one active look is enough (what --settle 0 asks for)', async () => {
    const prefix = fakeSystemctl({ 'b.service': flickering });
    const outcomes = await waitOn(prefix, [wait('b.service', 0)]);
    expect(outcomes[0]?.healthy).toBe(true);
  });
});
