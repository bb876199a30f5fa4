import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Host } from '../../../src/inventory/types.js';
import { expandPlaybook } from '../../../src/playbook/expand.js';
import { builtinPlaybookPath, loadPlaybook } from '../../../src/playbook/load.js';
import { renderedFiles } from '../../../src/playbook/rendered-files.js';
import { hostFixture } from '../render/host-fixture.js';
import { HAS_SYSTEMD_ANALYZE, SKIP_REASON, verifyUnits } from '../systemd/analyze.js';

const builtin = loadPlaybook(builtinPlaybookPath());
// The files the built-in playbook writes on this host.
const renderHostFiles = (host: Host) => renderedFiles(expandPlaybook(builtin, host));

const reference = readFileSync(
  new URL('../../fixtures/units/reference-hub-platform.service', import.meta.url),
  'utf8',
);
const scratch = mkdtempSync(join(tmpdir(), 'hfleet-host-files-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const byPath = (files: ReturnType<typeof renderHostFiles>) => new Map(files.map((f) => [f.path, f]));

describe('the files of the built-in playbook', () => {
  it('renders hub-platform.service byte for byte as the reference unit for an inventory that sets nothing', () => {
    const files = byPath(renderHostFiles(hostFixture()));
    expect(files.get('/etc/systemd/system/hub-platform.service')?.content).toBe(reference);
  });

  it('renders every service and companion unit, the timer too, and no drop-in when nothing is overridden', () => {
    const files = renderHostFiles(hostFixture());
    expect(files.map((f) => f.path)).toEqual([
      '/etc/systemd/system/hub-platform.service',
      '/etc/systemd/system/hub-cloud.service',
      '/etc/systemd/system/dbt-run.service',
      '/etc/systemd/system/hub-scheduler.service',
      '/etc/systemd/system/dbt-run.timer',
    ]);
    expect(files.every((f) => f.kind === 'unit' && f.content.endsWith('\n'))).toBe(true);
  });

  it('renders hub-cloud like the platform, on its own directory and port', () => {
    const cloud =
      byPath(renderHostFiles(hostFixture())).get('/etc/systemd/system/hub-cloud.service')?.content ?? '';
    expect(cloud).toContain('Description=Honeyframe Cloud API — Acme Corp\n');
    expect(cloud).toContain('WorkingDirectory=/opt/honeyframe/iaas/backend\n');
    expect(cloud).toContain('Environment=PYTHONPATH=/opt/honeyframe/iaas/backend/plugins\n');
    expect(cloud).toContain('fuser -k 8002/tcp');
    expect(cloud).toContain('--port 8002\n');
  });

  it('substitutes paths, display name and the dbt schedule', () => {
    const host = hostFixture({ install_dir: '/srv/hf', data_dir: '/var/hf', dbt_schedule: '*-*-* 03:30:00' });
    const files = byPath(renderHostFiles({ ...host, displayName: 'Globex' }));
    expect(files.get('/etc/systemd/system/dbt-run.timer')?.content).toContain('OnCalendar=*-*-* 03:30:00\n');
    expect(files.get('/etc/systemd/system/dbt-run.service')?.content).toContain(
      'ExecStart=/usr/local/bin/dbt build --project-dir /srv/hf/paas/dbt --profiles-dir /var/hf/.dbt\n',
    );
    expect(files.get('/etc/systemd/system/hub-scheduler.service')?.content).toContain(
      'Description=Honeyframe Pipeline Scheduler — Globex\n',
    );
  });

  it('adds local.conf drop-ins for the .service units only, and only for listed names', () => {
    const files = renderHostFiles(hostFixture({ run_as: 'honeyframe', companions: ['dbt-run'] }));
    expect(files.filter((f) => f.kind === 'dropin').map((f) => f.path)).toEqual([
      '/etc/systemd/system/hub-platform.service.d/local.conf',
      '/etc/systemd/system/hub-cloud.service.d/local.conf',
      '/etc/systemd/system/dbt-run.service.d/local.conf',
    ]);
    expect(files.find((f) => f.path.includes('hub-scheduler'))).toBeUndefined();
    expect(files.find((f) => f.path.endsWith('hub-cloud.service.d/local.conf'))?.unit).toBe(
      'hub-cloud.service',
    );
  });

  it('refuses a service without a template, naming the template', () => {
    expect(() => renderHostFiles(hostFixture({ services: ['hub-platform', 'hub-billing'] }))).toThrow(
      /tasks\/0\/unit\/template: template 'templates\/hub-billing.service' not found/,
    );
  });

  it('refuses a display name that would add a line to the unit', () => {
    expect(() => renderHostFiles({ ...hostFixture(), displayName: 'Acme\nUser=nobody' })).toThrow(
      /template hub-platform.service: line 2: variable 'display_name' contains a newline/,
    );
  });

  it.skipIf(!HAS_SYSTEMD_ANALYZE)(
    `passes systemd-analyze verify, defaults and overrides (else skipped: ${SKIP_REASON})`,
    () => {
      const variants = {
        defaults: hostFixture(),
        overrides: hostFixture({ run_as: 'honeyframe', memory_max: '900M', private_tmp: true }),
      };
      for (const [name, host] of Object.entries(variants)) {
        const root = join(scratch, name);
        for (const file of renderHostFiles(host)) {
          const path = join(root, file.path);
          mkdirSync(dirname(path), { recursive: true });
          writeFileSync(path, file.content);
        }
        const units = renderHostFiles(host)
          .filter((f) => f.kind === 'unit')
          .map((f) => join(root, f.path));
        expect(verifyUnits(units), name).toEqual({ status: 0, messages: [] });
      }
    },
  );
});
