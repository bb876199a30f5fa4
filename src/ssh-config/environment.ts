// What resolving an ssh config depends on besides its text: who runs it, where, and how to read files.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import { sshReadsConfigFile } from './file-permissions.js';

/** The local facts and effects a resolution uses (replaceable in tests). */
export interface ResolveEnvironment {
  /** The local user's home from the password database: `~` and `%d`. */
  home: string;
  /** `$HOME`, where an Include's `~` points (ssh globs with it). */
  globHome: string;
  localUser: string;
  uid: number;
  /** Relative identity and known_hosts paths are relative to this (as for ssh). */
  cwd: string;
  /** This machine's host name (`%l`; `%L` is its first label). */
  localHost: string;
  /** For `${NAME}` in paths. */
  env: Readonly<Record<string, string | undefined>>;
  /** A file's text ('' for a directory, which ssh reads as empty), or undefined when it does not exist. */
  readText(path: string): string | undefined;
  /**
   * False when ssh stops on a config file it checks (an included one, or ~/.ssh/config read by default): owned
   * by another user, or writable by others (file-permissions.ts).
   */
  sshReadsConfig(path: string): boolean;
  /** The names in a directory, or [] when it cannot be read. */
  listDirectory(path: string): string[];
  /** Run a `Match exec` command: its exit status, or undefined when it ended by a signal. */
  runExec(command: string): number | undefined;
  /** A TCP port by service name (`Port ssh`), from /etc/services. */
  servicePort(name: string): number | undefined;
  /** A local user's home directory (`~name`), from the password database. */
  userHome(name: string): string | undefined;
}

// The TCP port numbers of /etc/services by name and alias.
function readServices(): Map<string, number> {
  const ports = new Map<string, number>();
  let text = '';
  try {
    text = readFileSync('/etc/services', 'utf8');
  } catch {
    return ports;
  }
  for (const line of text.split('\n')) {
    const [name, portProto, ...aliases] = line.replace(/#.*/, '').trim().split(/\s+/);
    const match = /^(\d+)\/tcp$/.exec(portProto ?? '');
    if (!name || !match) continue;
    for (const alias of [name, ...aliases]) if (!ports.has(alias)) ports.set(alias, Number(match[1]));
  }
  return ports;
}

// A system file's text, or '' when it cannot be read.
function readOr(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/** The environment of this process (Match exec runs through $SHELL -c, as ssh runs it). */
export function processResolveEnvironment(): ResolveEnvironment {
  const user = userInfo();
  let services: Map<string, number> | undefined;
  return {
    home: user.homedir,
    globHome: process.env['HOME'] || user.homedir,
    localUser: user.username,
    uid: user.uid,
    cwd: process.cwd(),
    localHost: hostname(),
    env: process.env,
    readText: (path) => {
      try {
        return readFileSync(path, 'utf8');
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') return undefined;
        // ssh opens a directory an Include names (or a glob matches) and reads no line from it.
        if (code === 'EISDIR') return '';
        throw error;
      }
    },
    sshReadsConfig: (path) => {
      let stat: ReturnType<typeof statSync>;
      try {
        stat = statSync(path);
      } catch {
        return true;
      }
      return sshReadsConfigFile(stat, user.uid, readOr('/etc/passwd'), readOr('/etc/group'));
    },
    listDirectory: (path) => {
      try {
        return readdirSync(path);
      } catch {
        return [];
      }
    },
    runExec: (command) => {
      const shell = process.env['SHELL'] || '/bin/sh';
      const result = spawnSync(shell, ['-c', command], { stdio: ['ignore', 'ignore', 'inherit'] });
      return result.status ?? undefined;
    },
    userHome: (name) => {
      const passwd = readFileSync('/etc/passwd', 'utf8');
      const entry = passwd.split('\n').find((line) => line.split(':')[0] === name);
      return entry?.split(':')[5];
    },
    servicePort: (name) => {
      services ??= readServices();
      return services.get(name);
    },
  };
}
