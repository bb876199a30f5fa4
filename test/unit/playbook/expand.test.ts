import { describe, expect, it } from 'vitest';
import { expandPlaybook } from '../../../src/playbook/expand.js';
import { builtinPlaybookPath, loadPlaybook, parsePlaybook } from '../../../src/playbook/load.js';
import type { ResolvedTask } from '../../../src/playbook/types.js';
import { hostFixture } from '../render/host-fixture.js';

const builtin = loadPlaybook(builtinPlaybookPath());

function filesOf(tasks: ResolvedTask[]) {
  return tasks.flatMap((task) =>
    task.module === 'unit' || task.module === 'dropin' ? [{ path: task.path, content: task.content }] : [],
  );
}

describe('expandPlaybook with the built-in playbook', () => {
  it('asks for no local.conf (null content) when the host overrides nothing', () => {
    const dropins = filesOf(expandPlaybook(builtin, hostFixture()));
    expect(dropins.map((file) => [file.path, file.content])).toContainEqual([
      '/etc/systemd/system/hub-platform.service.d/local.conf',
      null,
    ]);
  });

  it('adds the non-root procedure: a system user owning the install and data directories', () => {
    const tasks = expandPlaybook(builtin, hostFixture({ run_as: 'honeyframe' }));
    expect(tasks.find((task) => task.module === 'user')).toMatchObject({
      user: 'honeyframe',
      shell: '/usr/sbin/nologin',
    });
    expect(tasks.find((task) => task.module === 'ownership')).toMatchObject({
      paths: ['/opt/honeyframe', '/data/honeyframe'],
      owner: 'honeyframe',
      group: 'honeyframe',
    });
  });

  it('turns unlisted companions off and listed ones on', () => {
    const tasks = expandPlaybook(builtin, hostFixture({ companions: ['dbt-run'] }));
    const services = tasks.flatMap((task) =>
      task.module === 'service' ? [[task.unit, task.state, task.enabled]] : [],
    );
    expect(services).toEqual([
      ['hub-platform.service', 'started', true],
      ['hub-cloud.service', 'started', true],
      ['hub-scheduler.service', 'stopped', false],
      ['dbt-run.timer', 'started', true],
    ]);
  });

  it('gates health on the API services with their catalog ports, and the scheduler on is-active', () => {
    const health = expandPlaybook(builtin, hostFixture({ health_timeout: 30 })).filter(
      (task) => task.module === 'health',
    );
    expect(health).toEqual([
      {
        module: 'health',
        name: 'core services healthy',
        unit: 'hub-platform.service',
        port: 8001,
        path: '/api/health',
        timeoutSec: 30,
        settleSec: 5,
      },
      {
        module: 'health',
        name: 'core services healthy',
        unit: 'hub-cloud.service',
        port: 8002,
        path: '/api/health',
        timeoutSec: 30,
        settleSec: 5,
      },
      {
        module: 'health',
        name: 'scheduler active',
        unit: 'hub-scheduler.service',
        port: undefined,
        path: '/api/health',
        timeoutSec: 30,
        settleSec: 5,
      },
    ]);
  });
});

describe('expandPlaybook refuses values that would mean something else on the host', () => {
  const play = (task: string) => parsePlaybook(`name: t\ntasks:\n${task}`, 'play.yml');

  it.each([
    [
      'a template outside the playbook directory',
      '  - name: x\n    unit: { name: a.service, template: ../../etc/passwd }',
      "play.yml: tasks/0/unit/template: '../../etc/passwd' must stay inside the playbook's directory",
    ],
    [
      'a path traversal in a file destination',
      '  - name: x\n    file: { dest: /etc/../root/x, content: hi }',
      "play.yml: tasks/0/file/dest: '/etc/../root/x' is not an absolute, normalized path",
    ],
    [
      'a unit name that is not one',
      '  - name: x\n    service: { name: "{{ run_as }}; reboot" }',
      "play.yml: tasks/0/service/name: 'root; reboot' is not a unit name",
    ],
    [
      'a drop-in name with a directory',
      '  - name: x\n    dropin: { unit: a.service, name: ../x.conf, content: "" }',
      "play.yml: tasks/0/dropin/name: '../x.conf' is not a drop-in file name",
    ],
    [
      'an undefined variable',
      '  - name: x\n    service: { name: "{{ nope }}.service" }',
      "undefined variable 'nope'",
    ],
    [
      'a loop over a non-list',
      '  - name: x\n    service: { name: a.service }\n    loop: run_as',
      "play.yml: tasks/0/loop: 'run_as' is not a list variable",
    ],
  ])('%s', (_name, task, message) => {
    expect(() => expandPlaybook(play(task), hostFixture())).toThrow(message);
  });
});
