// UTF-8 over real SSH: a display name of `Café 日本` survives every packet boundary, in the session and in logs.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dump, load } from 'js-yaml';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { withHostSessions } from '../../src/engine/host-sessions.js';
import { runOnHost } from '../../src/engine/run-on-host.js';
import { loadFleet } from '../../src/fleet/fleet-input.js';
import { resetLabHost } from '../../src/lab/index.js';
import { describeWithLab, requireLabState } from './lab-context.js';
import { hfleet, labInventory, onHost } from './support/fleet.js';

const NAME = 'Café 日本';
// Enough text that the SSH channel carries it in many packets (each at most 32 KiB), so boundaries fall
// inside multi-byte characters wherever they fall.
const COPIES = 20_000;
const ECHO_UNIT = 'hf-utf8-echo';

describeWithLab('UTF-8 across packet boundaries on the lab', () => {
  let inventory: string;
  let host: string;

  beforeAll(async () => {
    const lab = requireLabState();
    const target = lab.hosts[0]!;
    host = target.name;
    await resetLabHost(host);
    inventory = labInventory(lab, {}, [], 1);
    const document = load(readFileSync(inventory, 'utf8')) as {
      customers: Record<string, { display_name: string }>;
    };
    document.customers[target.customer]!.display_name = NAME;
    writeFileSync(inventory, dump(document));
    expect(hfleet(['apply', inventory, '--json']).code).toBe(0);
  });

  afterAll(async () => {
    if (!host) return;
    await onHost(
      host,
      `systemctl stop ${ECHO_UNIT} 2>/dev/null; systemctl reset-failed ${ECHO_UNIT} 2>/dev/null; true`,
    );
    await resetLabHost(host);
    rmSync(path.dirname(inventory), { recursive: true, force: true });
  });

  it('reads a unit description with the name back whole from a megabyte of session output', async () => {
    const [target] = loadFleet(inventory, host).hosts;
    let lines: string[] = [];
    const run = await withHostSessions((openSession) =>
      runOnHost(target!, openSession, async (session) => {
        const script = [
          'hf_d=$(systemctl show -p Description hub-platform.service)',
          `i=0; while [ $i -lt ${COPIES} ]; do printf '%s\\n' "$hf_d"; i=$((i+1)); done`,
        ].join('\n');
        const result = await session.run(script, { timeoutMs: 60_000, what: 'reading descriptions' });
        lines = result.stdout.trimEnd().split('\n');
      }),
    );
    expect(run.failure).toBeUndefined();
    expect(lines).toHaveLength(COPIES);
    const distinct = [...new Set(lines)];
    expect(distinct).toEqual([`Description=Honeyframe Platform API — ${NAME}`]);
  });

  it('logs prefixes every journal line of a unit named `Café 日本` with its text whole', async () => {
    const count = 4000;
    await onHost(
      host,
      `systemd-run --quiet --wait --unit ${ECHO_UNIT} --description '${NAME}' sh -c 'i=0; while [ $i -lt ${count} ]; do echo "${NAME} $i"; i=$((i+1)); done'`,
    );
    const run = hfleet(['logs', inventory, ECHO_UNIT, '-n', String(count + 50)]);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('\uFFFD');
    const echoed = run.stdout.split('\n').filter((line) => line.includes(`${NAME} `));
    expect(echoed.length).toBeGreaterThanOrEqual(count);
    for (const line of echoed) expect(line).toMatch(new RegExp(`^${host}\\s* \\| .*${NAME} \\d+$`));
  });
});
