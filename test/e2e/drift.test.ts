// drift on real hosts: tamper by hand after an apply, and drift reports exactly what was done, nothing else.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dump, load } from 'js-yaml';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Finding } from '../../src/drift/types.js';
import { labExec } from '../../src/lab/index.js';
import { runCli as hfleet } from '../support/cli-capture.js';
import { scratchDirForFile } from '../support/scratch-dir.js';
import { describeWithLab, requireLabState } from './lab-context.js';

const PLATFORM = 'hub-platform.service';
const UNIT_DIR = '/etc/systemd/system';
const LOCAL_CONF = `${UNIT_DIR}/${PLATFORM}.d/local.conf`;

interface DriftDocument {
  hosts: { host: string; status: string; findings: Finding[]; error: string | null }[];
  summary: { hosts: number; clean: number; drifted: number; unreachable: number; error: number };
}

// Wait (on the host) until the platform API answers 200 again after a restart by hand.
const WAIT_HEALTHY =
  'for i in $(seq 1 120); do [ "$(curl -s -o /dev/null -w \'%{http_code}\' -m 2 http://localhost:8001/api/health)" = 200 ] && exit 0; sleep 0.5; done; exit 1';

async function sh(host: string, script: string): Promise<void> {
  const result = await labExec(host, script);
  if (result.code !== 0) throw new Error(`${script}\nexit ${result.code}: ${result.stderr}`);
}

// Each finding as `kind unit property` (what the assertions compare).
function summary(doc: DriftDocument, host: string): string[] {
  const entry = doc.hosts.find((h) => h.host === host);
  return (entry?.findings ?? []).map((f) => [f.kind, f.unit ?? f.path, f.property].filter(Boolean).join(' '));
}

describeWithLab('hfleet drift against the lab', () => {
  let inventory: string;
  let labInventory: string;
  let target: string;

  async function drift(extra: string[] = []): Promise<{ code: number; doc: DriftDocument }> {
    const { code, stdout } = await hfleet(['drift', inventory, '--limit', target, '--json', ...extra]);
    return { code, doc: JSON.parse(stdout) as DriftDocument };
  }

  async function apply(file = inventory, limit = target): Promise<number> {
    return (await hfleet(['apply', file, '--limit', limit, '--json'])).code;
  }

  beforeAll(async () => {
    const lab = requireLabState();
    labInventory = lab.inventoryPath;
    target = lab.hosts[0]!.name;
    const customer = lab.hosts[0]!.customer;
    // The same fleet, with an override so that hfleet owns a local.conf (MemoryMax=900M) on the target.
    const doc = load(readFileSync(labInventory, 'utf8')) as {
      customers: Record<string, { vars?: Record<string, unknown> }>;
    };
    doc.customers[customer]!.vars = { memory_max: '900M' };
    inventory = path.join(scratchDirForFile('hfleet-drift-e2e-'), 'inventory.yml');
    writeFileSync(inventory, dump(doc));
    expect(await apply(inventory, '*')).toBe(0);
  });

  afterAll(async () => {
    if (!target) return;
    await labExec(target, `rm -f ${UNIT_DIR}/${PLATFORM}.d/zz-hand.conf`);
    // Leave every lab host converged to the lab's own inventory for the next test file.
    expect(await apply(labInventory, '*')).toBe(0);
  });

  it('a converged host is clean: exit 0, no findings, the install drop-in er-limits.conf silent', async () => {
    const { code, doc } = await drift();
    expect(doc.summary).toEqual({ hosts: 1, clean: 1, drifted: 0, unreachable: 0, error: 0 });
    expect(doc.hosts[0]?.findings).toEqual([]);
    expect(code).toBe(0);
  });

  it('an edited local.conf without reload: changed + reload-pending, exit 2, and drift changed nothing', async () => {
    await sh(target, `sleep 1 && sed -i 's/^MemoryMax=900M$/MemoryMax=700M/' ${LOCAL_CONF}`);
    const { code, doc } = await drift();
    expect(summary(doc, target)).toEqual([`changed ${PLATFORM}`, `reload-pending ${PLATFORM}`]);
    expect(doc.hosts[0]?.findings[0]?.diff).toContain('+MemoryMax=900M');
    expect(code).toBe(2);
    const again = await drift();
    expect(summary(again.doc, target)).toEqual(summary(doc, target));
  });

  it('the same after a reload but no restart: changed + restart-pending + the MemoryMax now in effect', async () => {
    // The process must have started at least a second before the edit for mtimes to tell.
    await sh(target, `touch ${LOCAL_CONF} && systemctl daemon-reload`);
    const { code, doc } = await drift();
    expect(summary(doc, target)).toEqual([
      `changed ${PLATFORM}`,
      `restart-pending ${PLATFORM}`,
      `property ${PLATFORM} MemoryMax`,
    ]);
    expect(doc.hosts[0]?.findings[2]).toMatchObject({ expected: '943718400', actual: '734003200' });
    expect(code).toBe(2);
    expect(await apply()).toBe(0);
    expect((await drift()).code).toBe(0);
  });

  it('a hand-added drop-in: unmanaged-dropin only, while er-limits.conf stays silent', async () => {
    await sh(
      target,
      `printf '[Service]\\nEnvironment=HAND_ADDED=1\\n' > ${UNIT_DIR}/${PLATFORM}.d/zz-hand.conf && test -f ${UNIT_DIR}/${PLATFORM}.d/er-limits.conf && systemctl daemon-reload && sleep 1 && systemctl restart ${PLATFORM} && ${WAIT_HEALTHY}`,
    );
    const { code, doc } = await drift();
    expect(summary(doc, target)).toEqual([`unmanaged-dropin ${PLATFORM}`]);
    expect(doc.hosts[0]?.findings[0]).toMatchObject({
      path: `${UNIT_DIR}/${PLATFORM}.d/zz-hand.conf`,
      fix: null,
    });
    expect(code).toBe(2);
    await sh(
      target,
      `rm ${UNIT_DIR}/${PLATFORM}.d/zz-hand.conf && systemctl daemon-reload && systemctl restart ${PLATFORM}`,
    );
    expect(await apply()).toBe(0);
  });

  it('a stopped service: inactive + unhealthy; apply clears both', async () => {
    await sh(target, `systemctl stop ${PLATFORM}`);
    const { code, doc } = await drift();
    expect(summary(doc, target)).toEqual([`inactive ${PLATFORM}`, `unhealthy ${PLATFORM}`]);
    expect(code).toBe(2);
    expect(await apply()).toBe(0);
    expect((await drift()).doc.hosts[0]?.findings).toEqual([]);
  });

  it('a deleted unit: missing; apply clears it', async () => {
    await sh(target, `rm ${UNIT_DIR}/${PLATFORM}`);
    const { code, doc } = await drift();
    expect(summary(doc, target)).toEqual([`missing ${PLATFORM}`]);
    expect(code).toBe(2);
    expect(await apply()).toBe(0);
    const after = await drift();
    expect(after.doc.hosts[0]?.findings).toEqual([]);
    expect(after.code).toBe(0);
  });

  it('an unreachable host: status unreachable and exit 3, the reachable host still reported', async () => {
    const doc = load(readFileSync(inventory, 'utf8')) as {
      customers: Record<string, { hosts: Record<string, { address: string; port?: number }> }>;
    };
    const lab = requireLabState();
    doc.customers['nowhere'] = { hosts: { 'nowhere-1': { address: lab.hosts[0]!.address, port: 1 } } };
    const file = path.join(path.dirname(inventory), 'with-unreachable.yml');
    writeFileSync(file, dump(doc));
    const { code, stdout } = await hfleet(['drift', file, '--limit', `${target},nowhere-1`, '--json']);
    const result = JSON.parse(stdout) as DriftDocument;
    expect(result.hosts.map((h) => [h.host, h.status])).toEqual([
      [target, 'clean'],
      ['nowhere-1', 'unreachable'],
    ]);
    expect(result.hosts[1]?.error).toBeTruthy();
    expect(result.summary).toMatchObject({ hosts: 2, clean: 1, unreachable: 1 });
    expect(code).toBe(3);
  });

  it('human output: one line per clean host, grouped findings with the fix, a summary line', async () => {
    await sh(target, `systemctl stop ${PLATFORM}`);
    const { code, stdout } = await hfleet(['drift', inventory]);
    expect(code).toBe(2);
    expect(stdout).toMatch(new RegExp(`${target}\\s+drifted \\(2 findings\\)`));
    expect(stdout).toContain(`apply: start ${PLATFORM}`);
    expect(stdout).toMatch(/\d+ hosts: \d+ clean, 1 drifted, 0 unreachable, 0 error/);
    expect(stdout).not.toContain('\u001b[');
    expect(await apply()).toBe(0);
  });
});
