// What the controller needs before a lab can run: Linux, root, and a few Debian packages (installed when missing).
import { HfleetError } from '../errors.js';
import { progress, run, runChecked } from './run.js';

/** The programs the lab runs on the controller, each with the Debian package that ships it. */
export const REQUIRED_PROGRAMS: ReadonlyArray<readonly [program: string, pkg: string]> = [
  ['systemd-nspawn', 'systemd-container'],
  ['debootstrap', 'debootstrap'],
  ['ip', 'iproute2'],
  ['ssh-keygen', 'openssh-client'],
  ['ssh', 'openssh-client'],
  ['nsenter', 'util-linux'],
];

/** Throw a LAB error unless this process can run a lab (Linux, root). */
export function assertLabPlatform(platform = process.platform, uid = process.getuid?.()): void {
  if (platform !== 'linux') {
    throw new HfleetError('LAB', `the lab needs Linux (this is ${platform})`, {
      hint: 'run hfleet lab on a Linux machine',
    });
  }
  if (uid !== 0) {
    throw new HfleetError('LAB', 'the lab needs root (it creates containers, mounts and a bridge)', {
      hint: 'run it as root, e.g. sudo hfleet lab up',
    });
  }
}

/** The Debian packages whose programs are missing, deduplicated. */
export function missingPackages(present: (program: string) => boolean): string[] {
  const missing = REQUIRED_PROGRAMS.filter(([program]) => !present(program)).map(([, pkg]) => pkg);
  return [...new Set(missing)];
}

/** Install whatever the lab needs that is not there yet (apt-get update once, then install). */
export async function ensureControllerPackages(): Promise<void> {
  const present = new Map<string, boolean>();
  for (const [program] of REQUIRED_PROGRAMS) {
    present.set(program, (await run(['sh', '-c', 'command -v "$0"', program])).code === 0);
  }
  const packages = missingPackages((program) => present.get(program) === true);
  if (packages.length === 0) return;
  progress(`installing ${packages.join(', ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await runChecked(['apt-get', 'update', '-q'], { env });
  await runChecked(['apt-get', 'install', '-y', '-q', '--no-install-recommends', ...packages], { env });
}
