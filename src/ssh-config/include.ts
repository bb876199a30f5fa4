// The files an `Include` names: relative to ~/.ssh, `~` at $HOME, glob patterns (glob.ts) expanded in sorted
// order.
import { isIP } from 'node:net';
import type { ResolveEnvironment } from './environment.js';
import { isGlobPattern, matchGlob } from './glob.js';

// The absolute pattern of an Include argument for a user config.
function anchored(argument: string, env: ResolveEnvironment): string {
  if (argument === '~' || argument.startsWith('~/')) return `${env.globHome}${argument.slice(1)}`;
  if (argument.startsWith('/')) return argument;
  if (argument.startsWith('~')) {
    const slash = argument.indexOf('/');
    const home = env.userHome(argument.slice(1, slash < 0 ? undefined : slash));
    return home === undefined ? argument : `${home}${slash < 0 ? '' : argument.slice(slash)}`;
  }
  return `${env.globHome}/.ssh/${argument}`;
}

/** Every existing path matching an Include argument, sorted as glob(3) sorts them. */
export function includedFiles(argument: string, env: ResolveEnvironment): string[] {
  const pattern = anchored(argument, env);
  const parts = pattern.split('/').filter((part) => part !== '');
  let paths = [''];
  for (const part of parts) {
    if (!isGlobPattern(part)) {
      paths = paths.map((path) => `${path}/${part}`);
      continue;
    }
    paths = paths.flatMap((path) =>
      env
        .listDirectory(path || '/')
        .filter((name) => matchGlob(name, part))
        .sort()
        .map((name) => `${path}/${name}`),
    );
  }
  return paths.filter((path) => env.readText(path) !== undefined);
}

/** True for an IP address literal (ssh does not lower-case those). */
export function isAddressLiteral(host: string): boolean {
  return isIP(host) !== 0;
}
