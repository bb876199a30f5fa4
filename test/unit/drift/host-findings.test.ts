import { describe, expect, it } from 'vitest';
import { hostFindings } from '../../../src/drift/host-findings.js';
import type { Finding } from '../../../src/drift/types.js';
import type { HostFacts } from '../../../src/facts/types.js';
import {
  ABSENT_FILE,
  acmeTasks,
  convergedFacts,
  ER_LIMITS,
  setShown,
  sinceBoot,
  WRITTEN_AT,
} from './converged-host.js';

const PLATFORM = 'hub-platform.service';
const UNIT_PATH = `/etc/systemd/system/${PLATFORM}`;
const LOCAL_CONF = `/etc/systemd/system/${PLATFORM}.d/local.conf`;

function findings(tamper: (facts: HostFacts, texts: Map<string, string>) => void = () => {}): Finding[] {
  const tasks = acmeTasks();
  const { facts, texts } = convergedFacts(tasks);
  tamper(facts, texts);
  return hostFindings(tasks, facts, { knownDropins: ['er-limits.conf'], dropinTexts: texts });
}

const kinds = (list: Finding[]) => list.map((f) => `${f.kind} ${f.unit ?? ''} ${f.property ?? ''}`.trim());

function editLocalConf(facts: HostFacts, texts: Map<string, string>, at: number): void {
  const text = '[Service]\nMemoryMax=700M\n';
  facts.files.set(LOCAL_CONF, { ...facts.files.get(LOCAL_CONF)!, content: text, mtime: at });
  const dir = facts.dropins.get(`${UNIT_PATH}.d`)!;
  dir.find((entry) => entry.name === 'local.conf')!.mtime = at;
  texts.set(LOCAL_CONF, text);
}

describe('hostFindings on the real playbook for acme-1 (memory_max 900M)', () => {
  it('finds nothing on a converged host whose er-limits.conf is left alone', () => {
    expect(findings()).toEqual([]);
  });

  it('an edited local.conf without reload: changed (with a diff) and reload-pending only', () => {
    const list = findings((facts, texts) => {
      editLocalConf(facts, texts, WRITTEN_AT + 7200);
      setShown(facts, PLATFORM, { NeedDaemonReload: 'yes' });
    });
    expect(kinds(list)).toEqual([`changed ${PLATFORM}`, `reload-pending ${PLATFORM}`]);
    expect(list[0]?.path).toBe(LOCAL_CONF);
    expect(list[0]?.diff).toContain('-MemoryMax=700M');
    expect(list[0]?.diff).toContain('+MemoryMax=900M');
    expect(list[0]?.fix).toBe(`rewrite ${LOCAL_CONF}`);
    expect(list[1]?.fix).toBe('systemctl daemon-reload');
  });

  it('after the reload but no restart: changed, restart-pending and the MemoryMax now in effect', () => {
    const list = findings((facts, texts) => {
      editLocalConf(facts, texts, WRITTEN_AT + 7200);
      setShown(facts, PLATFORM, { MemoryMax: '734003200' });
    });
    expect(kinds(list)).toEqual([
      `changed ${PLATFORM}`,
      `restart-pending ${PLATFORM}`,
      `property ${PLATFORM} MemoryMax`,
    ]);
    expect(list[2]).toMatchObject({ expected: '943718400', actual: '734003200' });
    expect(list[2]?.fix).toContain(`restart ${PLATFORM}`);
  });

  it('a unit that is a symlink to an identical file: one symlink finding with its target, not a mode', () => {
    const list = findings((facts) => {
      facts.files.set(UNIT_PATH, {
        ...facts.files.get(UNIT_PATH)!,
        mode: '777',
        symlinkTo: '/opt/units/p.service',
      });
    });
    expect(kinds(list)).toEqual([`symlink ${PLATFORM}`]);
    expect(list[0]).toMatchObject({
      path: UNIT_PATH,
      target: '/opt/units/p.service',
      detail: `${UNIT_PATH} is a symlink to /opt/units/p.service`,
      fix: `replace the symlink with a regular file ${UNIT_PATH}`,
    });
    expect(list[0]?.detail).not.toMatch(/mode/);
    expect(list[0]?.diff).toBeUndefined();
  });

  it('a symlinked unit whose target differs says so and carries the diff; a dangling one says its target is gone', () => {
    const edited = findings((facts) => {
      const fact = facts.files.get(UNIT_PATH)!;
      facts.files.set(UNIT_PATH, { ...fact, content: `${fact.content}# local\n`, symlinkTo: '../p.service' });
    });
    expect(edited[0]).toMatchObject({ kind: 'symlink', target: '../p.service' });
    expect(edited[0]?.detail).toBe(
      `${UNIT_PATH} is a symlink to ../p.service; content differs from the rendered file`,
    );
    expect(edited[0]?.diff).toContain('-# local');
    const dangling = findings((facts) => {
      facts.files.set(UNIT_PATH, { ...ABSENT_FILE, symlinkTo: '/gone' });
    });
    expect(dangling[0]).toMatchObject({ kind: 'symlink', target: '/gone' });
    expect(dangling[0]?.detail).toBe(`${UNIT_PATH} is a symlink to /gone, which does not exist`);
  });

  it('a hand-added drop-in is reported; er-limits.conf is not', () => {
    const list = findings((facts, texts) => {
      facts.dropins.get(`${UNIT_PATH}.d`)!.push({ name: 'zz-debug.conf', mtime: WRITTEN_AT + 60 });
      texts.set(`${UNIT_PATH}.d/zz-debug.conf`, '[Service]\nEnvironment=DEBUG=1\n');
      setShown(facts, PLATFORM, { ExecMainStartTimestampMonotonic: sinceBoot(WRITTEN_AT + 120) });
    });
    expect(kinds(list)).toEqual([`unmanaged-dropin ${PLATFORM}`]);
    expect(list[0]).toMatchObject({ path: `${UNIT_PATH}.d/zz-debug.conf`, fix: null });
    expect(list[0]?.detail).toContain('Environment=DEBUG=1');
    expect(list.some((f) => f.path === ER_LIMITS)).toBe(false);
  });

  it('a configured known drop-in is silent, and its directives count as intended', () => {
    const tasks = acmeTasks();
    const { facts, texts } = convergedFacts(tasks);
    facts.dropins.get(`${UNIT_PATH}.d`)!.push({ name: 'vendor.conf', mtime: WRITTEN_AT - 10 });
    texts.set(`${UNIT_PATH}.d/vendor.conf`, '[Service]\nPrivateTmp=yes\n');
    setShown(facts, PLATFORM, { PrivateTmp: 'yes' });
    const known = ['er-limits.conf', 'vendor.conf'];
    expect(hostFindings(tasks, facts, { knownDropins: known, dropinTexts: texts })).toEqual([]);
    expect(
      kinds(hostFindings(tasks, facts, { knownDropins: ['er-limits.conf'], dropinTexts: texts })),
    ).toEqual([`unmanaged-dropin ${PLATFORM}`, `property ${PLATFORM} PrivateTmp`]);
  });

  it('a stopped service: inactive and unhealthy, each with the fix', () => {
    const list = findings((facts) => {
      setShown(facts, PLATFORM, { ActiveState: 'inactive', SubState: 'dead', MainPID: '0' });
      facts.health.set(PLATFORM, { kind: 'refused' });
    });
    expect(kinds(list)).toEqual([`inactive ${PLATFORM}`, `unhealthy ${PLATFORM}`]);
    expect(list[0]?.fix).toBe(`start ${PLATFORM}`);
    expect(list[1]?.fix).toBe(`start ${PLATFORM}, then wait for health`);
    expect(list[1]?.detail).toBe(`${PLATFORM}: GET http://localhost:8001/api/health: connection refused`);
  });

  it('a crash loop between restarts: crash-loop, which apply leaves alone (no start would help)', () => {
    const list = findings((facts) => {
      setShown(facts, 'hub-scheduler.service', {
        ActiveState: 'activating',
        SubState: 'auto-restart',
        NRestarts: '3',
        MainPID: '0',
      });
    });
    expect(kinds(list)).toEqual(['crash-loop hub-scheduler.service']);
    expect(list[0]).toMatchObject({
      detail: 'hub-scheduler.service: activating/auto-restart: systemd restarted it 3 times',
      fix: null,
    });
  });

  it('a crash loop caught in its moment of running: systemd restarted it and it has been up seconds', () => {
    const list = findings((facts) => {
      setShown(facts, 'hub-scheduler.service', {
        NRestarts: '2',
        ActiveEnterTimestampMonotonic: sinceBoot((facts.now ?? 0) - 1),
      });
    });
    expect(kinds(list)).toEqual(['crash-loop hub-scheduler.service']);
  });

  it('a failed unit: failed with its Result, and the start apply would make', () => {
    const list = findings((facts) => {
      setShown(facts, PLATFORM, { ActiveState: 'failed', SubState: 'failed', Result: 'start-limit-hit' });
      facts.health.set(PLATFORM, { kind: 'refused' });
    });
    expect(kinds(list)).toEqual([`failed ${PLATFORM}`, `unhealthy ${PLATFORM}`]);
    expect(list[0]).toMatchObject({
      detail: `${PLATFORM}: failed/failed (Result=start-limit-hit)`,
      fix: `start ${PLATFORM}, then wait for health`,
    });
  });

  it('a deleted unit file: missing only (systemd still runs the old one)', () => {
    const list = findings((facts) => {
      facts.files.set(UNIT_PATH, { ...ABSENT_FILE });
      setShown(facts, PLATFORM, { NeedDaemonReload: 'yes' });
    });
    expect(kinds(list)).toEqual([`missing ${PLATFORM}`]);
    expect(list[0]).toMatchObject({ path: UNIT_PATH, fix: `create ${UNIT_PATH}` });
  });

  it('an active 503, a disabled service and a companion left on', () => {
    const tasks = acmeTasks().filter(
      (task) => !('unit' in task && task.unit?.startsWith('hub-scheduler')) || task.module === 'service',
    );
    const { facts, texts } = convergedFacts(tasks);
    facts.health.set('hub-cloud.service', { kind: 'http', code: 503 });
    setShown(facts, 'hub-cloud.service', { UnitFileState: 'disabled' });
    const list = hostFindings(
      tasks.map((task) =>
        task.module === 'service' && task.unit === 'hub-scheduler.service'
          ? { ...task, state: 'stopped' as const, enabled: false }
          : task,
      ),
      facts,
      { knownDropins: ['er-limits.conf'], dropinTexts: texts },
    );
    expect(kinds(list)).toEqual([
      'disabled hub-cloud.service',
      'disabled hub-scheduler.service',
      'unhealthy hub-cloud.service',
    ]);
    expect(list.map((f) => f.fix)).toEqual([
      'enable hub-cloud.service',
      'stop and disable hub-scheduler.service',
      null,
    ]);
  });

  it('User, Group and TimeoutStopUSec as systemd shows them after a non-root conversion by hand', () => {
    const list = findings((facts) => {
      setShown(facts, PLATFORM, { User: 'honeyframe', TimeoutStopUSec: '15s', KillMode: 'mixed' });
    });
    expect(kinds(list)).toEqual([`property ${PLATFORM} User`, `property ${PLATFORM} KillMode`]);
    expect(list[0]?.detail).toContain("not from hfleet's files");
  });
});
