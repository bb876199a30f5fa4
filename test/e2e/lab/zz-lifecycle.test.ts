// `lab up` of many hosts then `lab down` leaves nothing behind, and `down` twice is fine.
// Whatever order the files run in, this file ends by restoring the lab the other tests expect.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { labCgroupParents } from '../../../src/lab/cgroups.js';
import { bridgeExists, labRoutes } from '../../../src/lab/host-network.js';
import { labDown, labStatus, labUp, readLabState } from '../../../src/lab/index.js';
import { NAME_PREFIX, stateDir } from '../../../src/lab/layout.js';
import { scanLabNspawns } from '../../../src/lab/processes.js';
import { describeWithLab } from '../lab-context.js';

// Hosts for the lifecycle run (HFLEET_LAB_LIFECYCLE_HOSTS overrides; 20 boot in about 10 s here).
const HOSTS = Number(process.env['HFLEET_LAB_LIFECYCLE_HOSTS'] || 20);

function inotifyInstances(): number {
  return Number(readFileSync('/proc/sys/fs/inotify/max_user_instances', 'utf8').trim());
}

function originalInotifyInstances(): number {
  const backup = path.join(stateDir(), 'sysctl.json');
  if (!existsSync(backup)) return inotifyInstances();
  return (JSON.parse(readFileSync(backup, 'utf8')) as { max_user_instances: number }).max_user_instances;
}

describeWithLab('lab lifecycle', () => {
  const hostsBefore = readLabState()?.hosts.length ?? 0;
  const inotifyBefore = originalInotifyInstances();

  afterAll(async () => {
    if (hostsBefore > 0) await labUp({ hosts: hostsBefore });
  });

  it(`boots ${HOSTS} hosts that all accept SSH`, async () => {
    const result = await labUp({ hosts: HOSTS });
    process.stderr.write(
      `lifecycle: ${HOSTS} hosts up in ${result.seconds.toFixed(1)} s (${result.booted.length} booted)\n`,
    );
    const status = await labStatus();
    expect(status.hosts).toHaveLength(HOSTS);
    expect(status.hosts.filter((host) => !host.ssh).map((host) => host.name)).toEqual([]);
  });

  it('leaves no process, mount, bridge, route, cgroup or sysctl change behind after down', async () => {
    await labDown();
    expect([...scanLabNspawns().keys()]).toEqual([]);
    const mounts = readFileSync('/proc/mounts', 'utf8').split('\n');
    expect(mounts.filter((line) => line.includes(NAME_PREFIX) || line.includes(stateDir()))).toEqual([]);
    expect(await bridgeExists()).toBe(false);
    expect(await labRoutes()).toEqual([]);
    expect(labCgroupParents()).toEqual([]);
    const propagate = '/run/systemd/nspawn/propagate';
    const leftPropagate = existsSync(propagate)
      ? readdirSync(propagate).filter((n) => n.startsWith(NAME_PREFIX))
      : [];
    expect(leftPropagate).toEqual([]);
    expect(existsSync(path.join(stateDir(), 'hosts'))).toBe(false);
    expect(readLabState()).toBeUndefined();
    expect(inotifyInstances()).toBe(inotifyBefore);
  });

  it('is fine with down twice', async () => {
    await expect(labDown()).resolves.toMatchObject({ stopped: [] });
    expect(await bridgeExists()).toBe(false);
  });
});
