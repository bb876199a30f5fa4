// `lab status`: each recorded host, whether its machine runs, its address, and whether SSH answers.
import { bridgeExists } from './host-network.js';
import { stateDir } from './layout.js';
import { isNspawnOf } from './processes.js';
import type { LabRelease } from './releases.js';
import { sshBannerSeen } from './ssh-ready.js';
import { readRecordedState } from './state.js';

/** One host's status. */
export interface LabHostStatus {
  name: string;
  customer: string;
  machine: string;
  address: string;
  release: LabRelease;
  running: boolean;
  ssh: boolean;
}

/** The lab's status. */
export interface LabStatus {
  stateDir: string;
  up: boolean;
  bridge: boolean;
  hosts: LabHostStatus[];
}

/** Look at the recorded hosts now (processes and an SSH banner per host, all at once). */
export async function labStatus(): Promise<LabStatus> {
  const dir = stateDir();
  const recorded = readRecordedState(dir);
  const hosts = await Promise.all(
    (recorded?.hosts ?? []).map(async (host) => {
      const running = isNspawnOf(host.pid, host.machine);
      const ssh = running && (await sshBannerSeen(host.address, 22, 2000));
      return {
        name: host.name,
        customer: host.customer,
        machine: host.machine,
        address: host.address,
        release: host.release,
        running,
        ssh,
      };
    }),
  );
  return {
    stateDir: dir,
    up: hosts.length > 0 && hosts.every((host) => host.running),
    bridge: await bridgeExists(),
    hosts,
  };
}

/** The human table of a status. */
export function formatLabStatus(status: LabStatus): string {
  if (status.hosts.length === 0) return `no lab (state: ${status.stateDir})\n`;
  const rows = status.hosts.map(
    (host) =>
      `${host.name.padEnd(16)} ${host.machine.padEnd(10)} ${host.address.padEnd(14)} ${host.release.padEnd(9)}${host.running ? 'up  ' : 'down'} ${host.ssh ? 'ssh ok' : 'no ssh'}`,
  );
  return `${['HOST             MACHINE    ADDRESS        RELEASE  STATE SSH', ...rows].join('\n')}\n`;
}
