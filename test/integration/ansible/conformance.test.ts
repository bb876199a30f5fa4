import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import pLimit from 'p-limit';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkAgainstAnsible, type InventoryAgreement } from '../../../src/ansible/agreement.js';
import { ensureDebianPackages, type PackagesOutcome } from '../../support/debian-packages.js';

// The corpus against Ansible itself: every inventory agrees with `ansible-inventory --list` on each host's
// address, port and user, or the host is refused by name with a reason, or both refuse the whole file.
const CORPUS = join(import.meta.dirname, '../../fixtures/ansible-corpus');
const FILES = readdirSync(CORPUS).sort();

let ready: PackagesOutcome = { ok: false, reason: 'not checked' };
const results = new Map<string, InventoryAgreement>();

beforeAll(async () => {
  ready = await ensureDebianPackages(['ansible-core']);
  if (!ready.ok) return;
  const limit = pLimit(2);
  await Promise.all(
    FILES.map((name) => limit(async () => results.set(name, await checkAgainstAnsible(join(CORPUS, name))))),
  );
}, 900_000);

describe('import-ansible conformance with ansible-inventory', () => {
  it('has a corpus of at least 60 inventories', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(60);
  });

  it.for(FILES)('%s', (name, context) => {
    if (!ready.ok) return context.skip(`ansible-core: ${ready.reason}`);
    const result = results.get(name);
    expect(result?.differences).toEqual([]);
    for (const item of result?.refused ?? []) expect(item.reason).toMatch(/\S/);
    if (!result?.bothRefused) expect(result?.hosts).toBeGreaterThan(0);
  });
});
