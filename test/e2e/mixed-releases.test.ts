// One fleet of bullseye (systemd 247), bookworm (252) and trixie (257) hosts: every step means the same on each.
// The file boots its own mixed lab and gives the standard bookworm lab back when it ends.
import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Finding } from '../../src/drift/types.js';
import { ensureLab, resetLabHost } from '../../src/lab/index.js';
import type { LabRelease } from '../../src/lab/releases.js';
import { runCli } from '../support/cli-capture.js';
import { E2E_LAB_HOSTS } from './global-setup.js';
import { describeWithLab, requireLabState } from './lab-context.js';
import { mainPids, onHost } from './support/fleet.js';

const RELEASES: LabRelease[] = ['bullseye', 'bookworm', 'trixie'];
const SYSTEMD: Record<LabRelease, string> = { bullseye: '247', bookworm: '252', trixie: '257' };
const CLOUD = 'hub-cloud.service';
const SCHEDULER = 'hub-scheduler.service';
const UNIT_DIR = '/etc/systemd/system';

interface HostEntry {
  host: string;
  status: string;
  findings: Finding[];
}

// Each finding of a host as `kind unit` (what the assertions compare).
function findingsOf(doc: { hosts: HostEntry[] }, host: string): string[] {
  const entry = doc.hosts.find((h) => h.host === host);
  return (entry?.findings ?? []).map((f) => `${f.kind} ${f.unit ?? f.path}`);
}

describeWithLab('a fleet mixing bullseye, bookworm and trixie', () => {
  let inventory: string;
  let hosts: { name: string; release: LabRelease }[] = [];

  async function json(args: string[]) {
    const run = await runCli([...args, inventory, '--json']);
    return { code: run.code, doc: JSON.parse(run.stdout) };
  }

  beforeAll(async () => {
    await ensureLab(E2E_LAB_HOSTS, RELEASES);
    const lab = requireLabState();
    for (const host of lab.hosts) await resetLabHost(host.name);
    inventory = lab.inventoryPath;
    hosts = lab.hosts.map(({ name, release }) => ({ name, release }));
  });

  afterAll(async () => {
    // Give the tier its standard lab back: all bookworm, at base state.
    await ensureLab(E2E_LAB_HOSTS);
  });

  it('runs one host of each release, each with its own systemd, and the inventory groups them by release', async () => {
    expect(hosts.map((h) => h.release)).toEqual(RELEASES);
    for (const { name, release } of hosts) {
      const facts = await onHost(name, '. /etc/os-release; echo "$VERSION_CODENAME"; systemctl --version');
      expect(facts.split('\n')[0]).toBe(release);
      expect(facts.split('\n')[1]).toMatch(new RegExp(`^systemd ${SYSTEMD[release]} `));
    }
    const doc = load(readFileSync(inventory, 'utf8')) as { groups: Record<string, { customers: string[] }> };
    expect(Object.keys(doc.groups)).toEqual(RELEASES);
  });

  it('apply converges every host, a second apply changes nothing, drift finds every host clean', async () => {
    const first = await json(['apply']);
    expect(first.code).toBe(0);
    expect(first.doc.summary).toMatchObject({ changed: 3, failed: 0, unreachable: 0 });
    const second = await json(['apply']);
    expect(second.doc.summary).toMatchObject({ ok: 3, changed: 0, failed: 0, unreachable: 0 });
    expect(second.code).toBe(0);
    const drift = await json(['drift']);
    expect(drift.doc.summary).toEqual({ hosts: 3, clean: 3, drifted: 0, unreachable: 0, error: 0 });
    expect(drift.code).toBe(0);
  });

  it('status: every service healthy with its uptime on every release', async () => {
    const { code, doc } = await json(['status']);
    expect(doc.summary).toEqual({ hosts: 3, healthy: 3, unhealthy: 0, unreachable: 0, error: 0 });
    for (const host of doc.hosts as {
      units: { unit: string; active: string; uptime_sec: number | null }[];
    }[]) {
      for (const unit of host.units) {
        expect(unit.active).toBe('active');
        expect(unit.uptime_sec, unit.unit).toBeGreaterThanOrEqual(0);
      }
    }
    expect(code).toBe(0);
  });

  it('tampered: drift sees a drop-in and a unit edit made after the processes started (restart-pending)', async () => {
    for (const { name } of hosts) {
      await onHost(
        name,
        `sleep 1; mkdir -p ${UNIT_DIR}/${CLOUD}.d && printf '[Service]\\nEnvironment=DEBUG=1\\n' > ${UNIT_DIR}/${CLOUD}.d/zz-debug.conf` +
          ` && sed -i 's/^MemoryMax=500M$/MemoryMax=2G/' ${UNIT_DIR}/${SCHEDULER} && systemctl daemon-reload`,
      );
    }
    const { code, doc } = await json(['drift']);
    for (const { name } of hosts) {
      expect(findingsOf(doc, name)).toEqual([
        `changed ${SCHEDULER}`,
        `unmanaged-dropin ${CLOUD}`,
        `restart-pending ${CLOUD}`,
        `restart-pending ${SCHEDULER}`,
        `property ${SCHEDULER}`,
      ]);
    }
    expect(code).toBe(2);
  });

  it('apply after tampering pays the owed restart on every release: hub-cloud gets a new process', async () => {
    const before = await Promise.all(hosts.map(({ name }) => mainPids(name, [CLOUD])));
    const { code } = await json(['apply']);
    expect(code).toBe(0);
    const after = await Promise.all(hosts.map(({ name }) => mainPids(name, [CLOUD])));
    hosts.forEach((_, index) => {
      expect(after[index]![CLOUD]).not.toBe(before[index]![CLOUD]);
    });
    const drift = await json(['drift']);
    for (const { name } of hosts) expect(findingsOf(drift.doc, name)).toEqual([`unmanaged-dropin ${CLOUD}`]);
    for (const { name } of hosts) {
      await onHost(name, `rm ${UNIT_DIR}/${CLOUD}.d/zz-debug.conf && systemctl daemon-reload`);
    }
  });

  it('restart: rolling, health-gated, every host healthy again with new processes', async () => {
    const before = await Promise.all(hosts.map(({ name }) => mainPids(name, [CLOUD])));
    const { code, doc } = await json(['restart', '--batch', '3', '--settle', '1']);
    expect(doc.batches.map((batch: { status: string }) => batch.status)).toEqual(['healthy']);
    expect(code).toBe(0);
    const after = await Promise.all(hosts.map(({ name }) => mainPids(name, [CLOUD])));
    hosts.forEach((_, index) => {
      expect(after[index]![CLOUD]).not.toBe(before[index]![CLOUD]);
    });
    expect((await json(['drift'])).code).toBe(0);
  });

  it('logs -n 5: exactly five journal lines from each host, nothing else', async () => {
    const { code, stdout } = await runCli(['logs', inventory, 'hub-cloud', '-n', '5']);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    for (const { name } of hosts) {
      const own = lines.filter((line) => new RegExp(`^${name}\\s* \\| `).test(line));
      expect(own, name).toHaveLength(5);
      expect(
        own.some((line) => line.includes('-- ')),
        name,
      ).toBe(false);
    }
    expect(lines).toHaveLength(15);
  });

  it('logs of a unit with no journal lines prints nothing on any release', async () => {
    const { code, stdout } = await runCli(['logs', inventory, 'no-such-unit', '-n', '5']);
    expect(code).toBe(0);
    expect(stdout).toBe('');
  });
});
