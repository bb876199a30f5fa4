// Where the lab keeps things and how it names them: the single source of the lab's names and addresses.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The bridge every lab host hangs off, in the controller's network namespace. */
export const BRIDGE = 'hflab0';
/** The controller's address on the bridge, with its prefix length. */
export const BRIDGE_ADDRESS = '10.213.0.1/16';
/** The whole lab range: an `unreachable` route for it keeps lab traffic on this machine. */
export const LAB_RANGE = '10.213.0.0/16';
/** Prefix of every machine, cgroup and leftover the lab creates (`down` scans for it). */
export const NAME_PREFIX = 'hflab';
/** The cgroup directory (in every mounted hierarchy) holding one cgroup per host. */
export const CGROUP_PARENT = 'hflab';
/** The most hosts one lab holds (10.213.1.1 - 10.213.1.254). */
export const MAX_HOSTS = 254;
/** Hosts booted when `lab up` is given no number. */
export const DEFAULT_HOSTS = 3;

/** The state directory: $HFLEET_LAB_DIR, else /var/lib/hfleet/lab. */
export function stateDir(env: NodeJS.ProcessEnv = process.env): string {
  return env['HFLEET_LAB_DIR'] || '/var/lib/hfleet/lab';
}

/** The default cache of the base root filesystem. */
export const DEFAULT_CACHE_DIR = '/var/cache/hfleet/lab';

/** The lab address of host number n (1-based). */
export function hostAddress(index: number): string {
  if (!Number.isInteger(index) || index < 1 || index > MAX_HOSTS)
    throw new RangeError(`no lab address for ${index}`);
  return `10.213.1.${index}`;
}

/** The machine (container) name of host number n. */
export function machineName(index: number): string {
  return `${NAME_PREFIX}-${index}`;
}

/** The files of one host under the state directory. */
export interface HostPaths {
  dir: string;
  upper: string;
  work: string;
  root: string;
  hostKey: string;
  console: string;
}

/** The per-host directories: overlay upper/work/mount point, its pinned host key and its console log. */
export function hostPaths(state: string, machine: string): HostPaths {
  const dir = path.join(state, 'hosts', machine);
  return {
    dir,
    upper: path.join(dir, 'upper'),
    work: path.join(dir, 'work'),
    root: path.join(dir, 'root'),
    hostKey: path.join(dir, 'ssh_host_ed25519_key'),
    console: path.join(dir, 'console.log'),
  };
}

/** The files the lab publishes in its state directory. */
export function stateFiles(state: string) {
  return {
    stateJson: path.join(state, 'state.json'),
    key: path.join(state, 'id_ed25519'),
    knownHosts: path.join(state, 'known_hosts'),
    inventory: path.join(state, 'inventory.yml'),
    sysctlBackup: path.join(state, 'sysctl.json'),
  };
}

/** The project's lab/ directory (host assets), from src/lab or dist/lab alike. */
export function assetsDir(): string {
  return fileURLToPath(new URL('../../lab/', import.meta.url));
}
