import { describe, expect, it } from 'vitest';
import { failedView, hostViewFromFacts } from '../../../src/serve/host-view.js';
import { acmeTasks, convergedFacts, setShown } from '../drift/converged-host.js';
import { hostFixture } from '../render/host-fixture.js';

const host = hostFixture({ memory_max: '900M', known_dropins: ['er-limits.conf'] });
const NOW = '2026-11-29T12:00:00.000Z';

function view(
  change: (facts: ReturnType<typeof convergedFacts>['facts']) => void = () => undefined,
  previous?: ReturnType<typeof hostViewFromFacts>,
) {
  const tasks = acmeTasks();
  const { facts, texts } = convergedFacts(tasks);
  change(facts);
  return hostViewFromFacts(host, tasks, facts, texts, previous, NOW);
}

describe('hostViewFromFacts', () => {
  it('calls a converged host healthy, every unit healthy, no findings', () => {
    const converged = view();
    expect(converged.state).toBe('healthy');
    expect(converged.findings).toEqual([]);
    expect(converged.units.map((unit) => unit.state)).toEqual(converged.units.map(() => 'healthy'));
    expect(converged.checked_at).toBe(NOW);
  });

  it('shows a stopped service as stopped and the host as unhealthy', () => {
    const stopped = view((facts) =>
      setShown(facts, 'hub-cloud.service', { ActiveState: 'inactive', SubState: 'dead' }),
    );
    expect(stopped.state).toBe('unhealthy');
    expect(stopped.units.find((unit) => unit.unit === 'hub-cloud.service')?.state).toBe('stopped');
    expect(stopped.findings.map((finding) => finding.kind)).toContain('inactive');
  });

  it('shows a masked unit that does not run as masked, the host unhealthy, drift saying masked', () => {
    const masked = view((facts) =>
      setShown(facts, 'hub-scheduler.service', {
        LoadState: 'masked',
        UnitFileState: 'masked',
        ActiveState: 'inactive',
        SubState: 'dead',
      }),
    );
    expect(masked.units.find((unit) => unit.unit === 'hub-scheduler.service')?.state).toBe('masked');
    expect(masked.state).toBe('unhealthy');
    expect(masked.findings.map((finding) => `${finding.kind} ${finding.unit}`)).toContain(
      'masked hub-scheduler.service',
    );
  });

  it('shows a unit between automatic restarts as crash-looping', () => {
    const looping = view((facts) =>
      setShown(facts, 'hub-platform.service', {
        ActiveState: 'activating',
        SubState: 'auto-restart',
        NRestarts: '4',
      }),
    );
    expect(looping.units.find((unit) => unit.unit === 'hub-platform.service')?.state).toBe('crash-loop');
    expect(looping.state).toBe('unhealthy');
  });

  it('shows a unit whose restarts grew since the previous sweep as crash-looping, even while active', () => {
    const before = view((facts) => setShown(facts, 'hub-cloud.service', { NRestarts: '2' }));
    const after = view((facts) => setShown(facts, 'hub-cloud.service', { NRestarts: '3' }), before);
    expect(after.units.find((unit) => unit.unit === 'hub-cloud.service')?.state).toBe('crash-loop');
    const steady = view((facts) => setShown(facts, 'hub-cloud.service', { NRestarts: '3' }), after);
    expect(steady.units.find((unit) => unit.unit === 'hub-cloud.service')?.state).toBe('healthy');
  });

  it('calls a healthy host with an edited drop-in drifted, with the diff', () => {
    const drifted = view((facts) => {
      const path = '/etc/systemd/system/hub-platform.service.d/local.conf';
      const fact = facts.files.get(path);
      if (fact) facts.files.set(path, { ...fact, content: `${fact.content}# edited\n` });
    });
    expect(drifted.state).toBe('drifted');
    expect(drifted.findings.find((finding) => finding.kind === 'changed')?.diff).toContain('-# edited');
  });

  it('keeps the last units of a host that could not be read, with the reason', () => {
    const lost = failedView(host, view(), 'unreachable', {
      message: 'acme-1: connection refused',
      code: 'SSH_REFUSED',
    });
    expect(lost.state).toBe('unreachable');
    expect(lost.units).toHaveLength(4);
    expect(lost.error_code).toBe('SSH_REFUSED');
  });
});
