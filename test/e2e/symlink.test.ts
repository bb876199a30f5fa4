// A managed unit that is a symbolic link on a real host: drift names the link and its target (not its 777 mode),
// apply replaces it with a regular file and says which target it replaced, the target itself is left alone.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Finding } from '../../src/drift/types.js';
import { resetLabHost } from '../../src/lab/index.js';
import { describeWithLab, requireLabState } from './lab-context.js';
import { ensureBuilt, hfleet, labInventory, onHost } from './support/fleet.js';

const HOST = 'acme-1';
const UNIT = '/etc/systemd/system/hub-scheduler.service';
const TARGET = '/opt/hfleet-e2e-link/hub-scheduler.service';

describeWithLab('a managed unit that is a symlink', () => {
  let inventory: string;

  beforeAll(async () => {
    ensureBuilt();
    await resetLabHost(HOST);
    inventory = labInventory(requireLabState());
    expect(hfleet(['apply', inventory, '--limit', 'acme', '--json']).code).toBe(0);
  });

  afterAll(async () => {
    await onHost(HOST, `rm -rf ${path.dirname(TARGET)}`);
    await resetLabHost(HOST);
    rmSync(path.dirname(inventory), { recursive: true, force: true });
  });

  it('drift reports a symlink with its target; apply replaces it with a note; drift is clean after', async () => {
    await onHost(
      HOST,
      `mkdir -p ${path.dirname(TARGET)} && cp ${UNIT} ${TARGET} && ln -sfn ${TARGET} ${UNIT}`,
    );

    const drift = hfleet(['drift', inventory, '--limit', 'acme', '--json']);
    expect(drift.code).toBe(2);
    const findings: Finding[] = drift.json.hosts[0].findings;
    const onUnit = findings.filter((finding) => finding.path === UNIT);
    expect(onUnit.map((finding) => finding.kind)).toEqual(['symlink']);
    expect(onUnit[0]).toMatchObject({ target: TARGET });
    expect(onUnit[0]?.diff).toBeUndefined();
    expect(findings.some((finding) => /mode 777/.test(finding.detail))).toBe(false);

    const apply = hfleet(['apply', inventory, '--limit', 'acme', '--json']);
    expect(apply.code, apply.stderr).toBe(0);
    expect(apply.json.hosts[0].changes).toContainEqual(
      expect.objectContaining({ path: UNIT, action: 'updated', replaced_symlink: TARGET }),
    );
    expect((await onHost(HOST, `stat -c '%F %a %U' ${UNIT}; test -f ${TARGET} && echo kept`)).trim()).toBe(
      'regular file 644 root\nkept',
    );

    const recap = hfleet(['drift', inventory, '--limit', 'acme', '--json']);
    expect(recap.code).toBe(0);
  });
});
