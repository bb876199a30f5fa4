// Runs cut short at every phase of an apply, on the lab: the remote shell stops itself at a failpoint, the
// client is killed, then the shell is resumed or killed. After each, the next run finishes or rolls back what
// it finds: every managed file on the host is old or new as one set, no temp file survives, the audit log
// shows the run, and the apply after it converges.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { resetLabHost } from '../../src/lab/index.js';
import type { LabState } from '../../src/lab/state.js';
import { HOST_PATHS } from '../../src/remote/commit-script.js';
import { describeWithLab, requireLabState } from './lab-context.js';
import { renderFleet } from './reliability/whole-files.js';
import { fileSet } from './support/file-set.js';
import { ensureBuilt, hfleet, hfleetChild, labInventory, onHost } from './support/fleet.js';
import {
  armOnHost,
  type FailpointName,
  killOnHost,
  resumeOnHost,
  stoppedOnHost,
} from './support/host-failpoints.js';

const HOST = 'acme-1';
/** How many times the whole matrix runs (`HFLEET_INTERRUPT_ROUNDS=20` for the repeated run in docs/reliability.md). */
const ROUNDS = Number(process.env['HFLEET_INTERRUPT_ROUNDS'] ?? 1);
const OTHERS = ['globex-1', 'initech-1'];
/** The health gate's settle window in these runs: what is tested is the commit, not the settle (docs/apply.md). */
const SETTLE = ['--settle', '1'];

/** Where each failpoint sits: before the commit (the files stay old when the run dies) or after it. */
const PHASES: { failpoint: FailpointName; committed: boolean }[] = [
  { failpoint: 'temp-written', committed: false },
  { failpoint: 'renamed', committed: false },
  { failpoint: 'daemon-reload', committed: true },
  { failpoint: 'restarted', committed: true },
  { failpoint: 'health', committed: true },
];

describeWithLab('interrupted applies', () => {
  let lab: LabState;
  let base: string;
  /** The inventory the host is at now, and its rendering: each case starts from the previous one's end. */
  let current: { inventory: string; render: string };
  let generation = 0;
  // Inventories and renderings live in scratch directories removed after the file (test/support/scratch-dir.ts).
  const inventory = (settings: Parameters<typeof labInventory>[1]) => labInventory(lab, settings);

  beforeAll(async () => {
    ensureBuilt();
    lab = requireLabState();
    for (const host of [HOST, ...OTHERS]) await resetLabHost(host);
    base = inventory({});
    expect(hfleet(['apply', base, '--json', ...SETTLE]).code).toBe(0);
    current = { inventory: base, render: renderFleet(base) };
  });

  afterAll(async () => {
    await onHost(HOST, `rm -rf ${HOST_PATHS.failpointDir}`);
    for (const host of [HOST, ...OTHERS]) await resetLabHost(host);
  });

  for (let round = 1; round <= ROUNDS; round++) {
    const suffix = ROUNDS > 1 ? ` (round ${round} of ${ROUNDS})` : '';
    for (const { failpoint, committed } of PHASES) {
      for (const action of ['resumed', 'killed'] as const) {
        it(`stopped at ${failpoint}, client gone, shell ${action}: one set of files, no temp, audited${suffix}`, async () => {
          generation += 1;
          const next = inventory({
            acme: {
              displayName: `Acme Interrupted ${generation}`,
              vars: { memory_max: `${700 + generation}M` },
            },
          });
          const before = current.render;
          const after = renderFleet(next);
          const auditBefore = await auditLines();

          await armOnHost(HOST, failpoint);
          const client = hfleetChild(['apply', next, '--json', ...SETTLE]);
          const exited = new Promise((resolve) => client.on('exit', resolve));
          const stopped = await stoppedOnHost(HOST, failpoint);
          client.kill('SIGKILL');
          await exited;
          if (action === 'resumed') await resumeOnHost(stopped);
          else await killOnHost(stopped);

          // The next run (a read-only one) finishes or rolls back what it finds, and says so.
          const drift = hfleet(['drift', next, '--limit', 'acme', '--json']);
          const recovered = drift.json.hosts[0].recovered;
          const expected = action === 'resumed' || committed ? 'new' : 'old';
          if (action === 'resumed' || failpoint === 'health') expect(recovered).toBeNull();
          else
            expect(recovered).toMatch(
              committed ? /^finished the interrupted run/ : /^rolled back the interrupted run/,
            );
          const set = await fileSet(HOST, before, after);
          expect(set).toBe(expected);
          expect(
            await onHost(
              HOST,
              `find /etc/systemd/system /etc/honeyframe -name '.hfleet.*'; ls ${HOST_PATHS.manifest}* 2>/dev/null; true`,
            ),
          ).toBe('');
          const audit = (await auditLines()).slice(auditBefore.length);
          expect(audit.length, audit.join('\n')).toBeGreaterThan(0);

          // The run after converges the host; the next case starts from here.
          const apply = hfleet(['apply', next, '--limit', 'acme', '--json', '--lock-wait', '30', ...SETTLE]);
          expect(apply.code, apply.stderr).toBe(0);
          expect(await fileSet(HOST, before, after)).toBe('new');
          expect(hfleet(['drift', next, '--limit', 'acme']).code).toBe(0);
          current = { inventory: next, render: after };
        });
      }
    }
  }

  it('a rename that fails part way (an immutable unit file): the earlier renames are undone, one line says why', async () => {
    generation += 1;
    const next = inventory({ acme: { displayName: `Acme Immutable ${generation}` } });
    const before = current.render;
    const after = renderFleet(next);
    const unit = '/etc/systemd/system/hub-scheduler.service';
    await onHost(HOST, `chattr +i ${unit}`);
    try {
      const run = hfleet(['apply', next, '--limit', 'acme', '--json']);
      expect(run.code).toBe(3);
      expect(run.json.hosts[0].error).toMatch(
        new RegExp(
          `^acme-1: rename ${unit} failed: ${unit} is immutable \\(chattr \\+i\\); the [1-9]\\d* files before it were put back$`,
        ),
      );
      process.stderr.write(`fault outcome: ${run.json.hosts[0].error}\n`);
      expect(await fileSet(HOST, before, after)).toBe('old');
      expect(await onHost(HOST, "find /etc/systemd/system /etc/honeyframe -name '.hfleet.*'")).toBe('');
      expect((await auditLines()).at(-1)).toContain(`failed at rename ${unit}`);
    } finally {
      await onHost(HOST, `chattr -i ${unit}`);
    }
  });

  async function auditLines(): Promise<string[]> {
    const text = await onHost(HOST, `cat ${HOST_PATHS.auditLog} 2>/dev/null; true`);
    return text.split('\n').filter((line) => line !== '');
  }
});
