// The system `ssh` command line for a host (pure): its ssh config and destination, as the inventory and
// hfleet's resolution decided, in BatchMode over a shared master connection in a private control directory.
import type { SshTarget } from '../types.js';

const STRICTNESS = { strict: 'yes', 'accept-new': 'accept-new', off: 'no' } as const;

// An `-o KEY=VALUE` pair.
function option(key: string, value: string | number): string[] {
  return ['-o', `${key}=${value}`];
}

// A path list for `-o` (ssh splits it on whitespace; a path with a space is quoted).
function pathList(paths: readonly string[]): string {
  return paths.map((path) => (/\s/.test(path) ? `"${path}"` : path)).join(' ');
}

/** What an ssh command line is built from besides the target. */
export interface SshCommandContext {
  /** The private 0700 directory holding the master connections' sockets. */
  controlDir: string;
  /** Seconds the master stays after its last client. */
  persistSeconds: number;
}

/** The options every ssh run for the target takes (before the destination). */
export function sshOptions(target: SshTarget, ctx: SshCommandContext): string[] {
  const { ssh } = target;
  const args = ['-F', ssh.openssh?.configFile ?? '/dev/null'];
  args.push(...option('BatchMode', 'yes'));
  args.push(...option('ControlMaster', 'auto'));
  args.push(...option('ControlPath', `${ctx.controlDir}/%C`));
  args.push(...option('ControlPersist', ctx.persistSeconds));
  args.push(...option('StrictHostKeyChecking', STRICTNESS[ssh.hostKeyChecking]));
  args.push(...option('UserKnownHostsFile', pathList([ssh.knownHosts, ...(ssh.moreKnownHosts ?? [])])));
  args.push(...option('ConnectTimeout', ssh.connectTimeout));
  args.push('-l', ssh.user, '-p', String(ssh.port));
  // The address hfleet resolved (the inventory's wins over the config's HostName, as on ssh's command line).
  args.push(...option('HostName', target.address));
  if (!ssh.openssh) {
    // A host the ssh config never saw: everything comes from the settings.
    for (const file of ssh.identityFiles ?? (ssh.identityFile ? [ssh.identityFile] : []))
      args.push('-i', file);
    if (ssh.jump) args.push('-J', ssh.jump);
  } else if (ssh.identityFile && ssh.origins?.['identityFile'] === 'inventory')
    args.push('-i', ssh.identityFile);
  if (ssh.jump && ssh.openssh && ssh.origins?.['jump'] === 'inventory') args.push('-J', ssh.jump);
  return args;
}

/** The full argv to run `remoteCommand` (one shell word string, already quoted) on the target. */
export function sshCommand(target: SshTarget, ctx: SshCommandContext, remoteCommand: string): string[] {
  return [...sshOptions(target, ctx), '--', target.ssh.openssh?.destination ?? target.address, remoteCommand];
}
