// SIGINT/SIGTERM to `hfleet apply --json` while a host is held mid-run (a failpoint stops its remote shell): the
// first signal starts no more hosts and lets the running one finish; a second exits at once. Either way stdout
// carries exactly one JSON document, and the host's files are old or new as one set. Also: the progress lines
// of the other hosts print while one is held, and `drift --lock-wait` reads a host once its run ends.
import type { ChildProcess } from 'node:child_process';
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
  resumeOnHost,
  type StoppedRun,
  stoppedOnHost,
} from './support/host-failpoints.js';

const HOST = 'acme-1';
const OTHERS = ['globex-1', 'initech-1'];

/** A CLI child with its output gathered, and a way to wait for it to end. */
interface Running {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

function start(args: string[]): Running {
  const child = hfleetChild(args);
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString('utf8');
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

// Wait until the CLI has taken the signal (its stderr names it), so resuming the host cannot race the handler.
async function signalled(run: Running, name: string, deadlineMs = 30_000): Promise<void> {
  const until = Date.now() + deadlineMs;
  while (!run.stderr().includes(name)) {
    if (Date.now() > until) throw new Error(`the CLI did not take ${name}: ${run.stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

// Exactly one JSON document on stdout, parsed.
function oneDocument(stdout: string) {
  const lines = stdout.split('\n').filter((line) => line.trim() !== '');
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0] as string);
}

describeWithLab('signals during a run', () => {
  let lab: LabState;
  let current: string;
  let generation = 0;
  // Inventories and renderings live in scratch directories removed after the file (test/support/scratch-dir.ts).
  const next = () => {
    generation += 1;
    return labInventory(lab, {
      acme: { displayName: `Acme Signalled ${generation}`, vars: { memory_max: `${800 + generation}M` } },
      globex: { displayName: `Globex Signalled ${generation}` },
      initech: { displayName: `Initech Signalled ${generation}` },
    });
  };

  beforeAll(async () => {
    ensureBuilt();
    lab = requireLabState();
    for (const host of [HOST, ...OTHERS]) await resetLabHost(host);
    current = labInventory(lab, {});
    expect(hfleet(['apply', current, '--json']).code).toBe(0);
  });

  afterAll(async () => {
    await onHost(HOST, `rm -rf ${HOST_PATHS.failpointDir}`);
    for (const host of [HOST, ...OTHERS]) await resetLabHost(host);
  });

  // Start `apply --json --forks 1` (acme-1 first, the others wait) and hold acme-1 at `failpoint`.
  async function applyHeldAt(inventory: string, failpoint: FailpointName): Promise<[Running, StoppedRun]> {
    await armOnHost(HOST, failpoint);
    const run = start(['apply', inventory, '--json', '--forks', '1']);
    return [run, await stoppedOnHost(HOST, failpoint)];
  }

  for (const [name, code, failpoint] of [
    ['SIGINT', 130, 'renamed'],
    ['SIGTERM', 143, 'restarted'],
  ] as const) {
    it(`one ${name} while ${HOST} is held at ${failpoint}: it finishes, the others are untouched, one document, exit ${code}`, async () => {
      const before = renderFleet(current);
      const inventory = next();
      const after = renderFleet(inventory);
      const [run, stopped] = await applyHeldAt(inventory, failpoint);
      run.child.kill(name);
      await signalled(run, name);
      await onHost(HOST, `kill -CONT ${stopped.self}`);
      expect(await run.exited).toBe(code);

      const document = oneDocument(run.stdout());
      expect(document.interrupted).toBe(true);
      expect(document.hosts.map((host: { host: string }) => host.host)).toEqual([HOST]);
      expect(document.hosts[0].status).toBe('changed');
      expect(document.untouched).toEqual(OTHERS);
      expect(document.unfinished).toEqual([]);
      expect(await fileSet(HOST, before, after)).toBe('new');
      for (const other of OTHERS) expect(await fileSet(other, before, after)).toBe('old');

      // The next run takes the others; the fleet converges.
      const apply = hfleet(['apply', inventory, '--json']);
      expect(apply.code, apply.stderr).toBe(0);
      expect(apply.json.interrupted).toBe(false);
      current = inventory;
    });
  }

  it('progress lines: the others finish and print while acme-1 is held; drift --lock-wait reads it once free', async () => {
    const before = renderFleet(current);
    const inventory = next();
    const after = renderFleet(inventory);
    await armOnHost(HOST, 'temp-written');
    const run = start(['apply', inventory, '--json']);
    const stopped = await stoppedOnHost(HOST, 'temp-written');
    const line = (host: string) => new RegExp(`^${host}: changed \\(`, 'm');
    const until = Date.now() + 120_000;
    while (!OTHERS.every((host) => line(host).test(run.stderr()))) {
      if (Date.now() > until) throw new Error(`no progress lines for ${OTHERS.join(', ')}: ${run.stderr()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(run.stderr()).not.toMatch(new RegExp(`^${HOST}: `, 'm'));
    const drift = start(['drift', inventory, '--limit', 'acme', '--json', '--lock-wait', '120']);
    // Longer than the 2 s of grace drift gives a held lock without --lock-wait (not a bound on anything).
    await new Promise((resolve) => setTimeout(resolve, 4000));
    await onHost(HOST, `kill -CONT ${stopped.self}`);
    expect(await run.exited).toBe(0);
    expect(run.stderr()).toMatch(line(HOST));
    expect(oneDocument(run.stdout()).interrupted).toBe(false);
    await drift.exited;
    const read = oneDocument(drift.stdout());
    expect(read.hosts[0].error_code).toBeNull();
    expect(await fileSet(HOST, before, after)).toBe('new');
    current = inventory;

    // --quiet leaves the lines out.
    const loud = hfleet(['drift', inventory, '--json']);
    expect(loud.stderr.match(/^\S+: clean \(/gm)).toHaveLength(3);
    const quiet = hfleet(['drift', inventory, '--json', '--quiet']);
    expect(quiet.stderr).not.toMatch(/: clean \(/);
  });

  it('a second SIGINT exits at once: one document naming the host still running, exit 130; the next run converges', async () => {
    const before = renderFleet(current);
    const inventory = next();
    const after = renderFleet(inventory);
    const [run, stopped] = await applyHeldAt(inventory, 'temp-written');
    run.child.kill('SIGINT');
    await signalled(run, 'SIGINT');
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(130);

    const document = oneDocument(run.stdout());
    expect(document).toMatchObject({ interrupted: true, hosts: [], unfinished: [HOST], untouched: OTHERS });
    expect(run.stderr().trimEnd().split('\n').at(-1)).toContain(HOST);

    // The held run goes on alone once resumed; whatever it did, the host has one set of files.
    await resumeOnHost(stopped);
    expect(['old', 'new']).toContain(await fileSet(HOST, before, after));
    const apply = hfleet(['apply', inventory, '--json', '--lock-wait', '30']);
    expect(apply.code, apply.stderr).toBe(0);
    expect(await fileSet(HOST, before, after)).toBe('new');
    expect(await onHost(HOST, `find /etc/systemd/system /etc/honeyframe -name '.hfleet.*'; true`)).toBe('');
    current = inventory;
  });
});
