import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { failedView, hostViewFromFacts, pendingView } from '../../../src/serve/host-view.js';
import { metricsText } from '../../../src/serve/metrics.js';
import type { FleetSnapshot } from '../../../src/serve/types.js';
import { ensureDebianPackages } from '../../support/debian-packages.js';
import { acmeTasks, convergedFacts, setShown } from '../drift/converged-host.js';
import { hostFixture } from '../render/host-fixture.js';

function snapshot(): FleetSnapshot {
  const tasks = acmeTasks();
  const { facts, texts } = convergedFacts(tasks);
  setShown(facts, 'hub-cloud.service', {
    ActiveState: 'activating',
    SubState: 'auto-restart',
    NRestarts: '7',
  });
  setShown(facts, 'hub-scheduler.service', {
    LoadState: 'masked',
    ActiveState: 'inactive',
    SubState: 'dead',
  });
  const acme = hostViewFromFacts(
    hostFixture({ memory_max: '900M' }),
    tasks,
    facts,
    texts,
    undefined,
    '2026-11-29T12:00:00Z',
  );
  const odd = hostFixture({}, { name: 'odd"host\\1', customer: 'globex' });
  return {
    sweep: 3,
    at: '2026-11-29T12:00:00Z',
    seconds: 0.25,
    hosts: [
      acme,
      failedView(odd, undefined, 'unreachable', { message: 'refused', code: 'SSH_REFUSED' }),
      pendingView(hostFixture({}, { name: 'initech-1', customer: 'initech' })),
    ],
  };
}

describe('metricsText', () => {
  const text = metricsText(snapshot());

  it('has up, health, crash loop, HTTP code, memory, restarts and drift per host and unit', () => {
    expect(text).toContain('hfleet_host_up{host="acme-1",customer="acme"} 1');
    expect(text).toContain('hfleet_host_up{host="initech-1",customer="initech"} 0');
    expect(text).toContain(
      'hfleet_unit_crash_loop{host="acme-1",customer="acme",unit="hub-cloud.service"} 1',
    );
    expect(text).toContain('hfleet_unit_healthy{host="acme-1",customer="acme",unit="hub-cloud.service"} 0');
    expect(text).toContain(
      'hfleet_unit_http_status{host="acme-1",customer="acme",unit="hub-platform.service"} 200',
    );
    expect(text).toContain(
      'hfleet_unit_restarts_total{host="acme-1",customer="acme",unit="hub-cloud.service"} 7',
    );
    expect(text).toMatch(
      /hfleet_unit_memory_max_bytes\{host="acme-1",customer="acme",unit="hub-platform.service"\} \d+/,
    );
    expect(text).toContain('hfleet_host_drift_findings{host="acme-1",customer="acme",kind="inactive"} 0');
    expect(text).toContain('hfleet_sweep_duration_seconds 0.25');
  });

  it('says which units are masked, and counts every finding kind (masked included)', () => {
    expect(text).toContain(
      'hfleet_unit_masked{host="acme-1",customer="acme",unit="hub-scheduler.service"} 1',
    );
    expect(text).toContain('hfleet_unit_masked{host="acme-1",customer="acme",unit="hub-cloud.service"} 0');
    expect(text).toContain('hfleet_host_drift_findings{host="acme-1",customer="acme",kind="masked"} 1');
    expect(text).toContain('hfleet_host_drift_findings{host="acme-1",customer="acme",kind="failed"} 0');
  });

  it('escapes quotes and backslashes in label values', () => {
    expect(text).toContain('hfleet_host_up{host="odd\\"host\\\\1",customer="globex"} 0');
  });

  describe('promtool', () => {
    let skip = '';
    beforeAll(async () => {
      const outcome = await ensureDebianPackages(['prometheus']);
      if (!outcome.ok) skip = outcome.reason;
    }, 600_000);

    it('accepts the exposition (promtool check metrics)', ({ skip: skipTest }) => {
      if (skip) skipTest(skip);
      const out = execFileSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' });
      expect(out).toBe('');
    });
  });
});
