// Bringing specific lab hosts up: mount their roots, write their identity, start nspawn, wait for SSH.

import type { LabHostSpec } from './customers.js';
import { writeHostFiles } from './host-files.js';
import { ensureKeyPair } from './keys.js';
import { hostPaths, stateDir } from './layout.js';
import { startNspawn } from './nspawn.js';
import { mountOverlay } from './overlay.js';
import { isNspawnOf } from './processes.js';
import { waitForSsh } from './ssh-ready.js';
import type { RecordedHost } from './state.js';

/** How long to wait for SSH: a base for one host plus time per host booting at once (boots are CPU-bound). */
export function sshDeadlineMs(hostsBooting: number): number {
  return 60_000 + hostsBooting * 3_000;
}

/** Mount, personalise and start each host on its base image (all at once); resolves to the recorded hosts with their nspawn pids. */
export async function startHosts(
  specs: readonly (LabHostSpec & { baseDir: string })[],
  clientPublicKey: string,
  dir = stateDir(),
): Promise<RecordedHost[]> {
  return Promise.all(
    specs.map(async (spec) => {
      const paths = hostPaths(dir, spec.machine);
      await ensureKeyPair(paths.hostKey, spec.name);
      await mountOverlay(spec.baseDir, paths);
      await writeHostFiles(paths.root, spec, { hostKeyFile: paths.hostKey, clientPublicKey });
      const pid = await startNspawn(paths.root, spec.machine, paths.console);
      return { ...spec, pid };
    }),
  );
}

/** Wait until every one of these hosts accepts SSH (all polled at once); throws naming the first that does not. */
export async function waitForHostsSsh(hosts: readonly RecordedHost[], dir = stateDir()): Promise<void> {
  const deadline = sshDeadlineMs(hosts.length);
  const waits = hosts.map((host) =>
    waitForSsh(
      {
        name: host.name,
        address: host.address,
        stillBooting: () => isNspawnOf(host.pid, host.machine),
        logHint: `see ${hostPaths(dir, host.machine).console}`,
      },
      deadline,
    ),
  );
  const results = await Promise.allSettled(waits);
  const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed) throw failed.reason;
}
