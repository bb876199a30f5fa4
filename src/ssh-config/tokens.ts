// The `~` and `%` tokens ssh expands in file paths (IdentityFile, UserKnownHostsFile) and HostName.
import { isAbsolute, resolve } from 'node:path';
import { HfleetError } from '../errors.js';

/** What the tokens stand for. */
export interface TokenValues {
  /** %h: the remote host name. */
  host: string;
  /** %n: the original host name, as given. */
  originalHost: string;
  /** %r: the remote user. */
  remoteUser: string;
  /** %p: the remote port. */
  port: number;
  /** %u: the local user. */
  localUser: string;
  /** %d (and `~`): the local home directory. */
  home: string;
}

// Replace %% %h %n %r %p %u %d; any other token is an error naming the directive.
export function expandTokens(text: string, values: TokenValues, where: string): string {
  const table: Record<string, string> = {
    '%': '%',
    h: values.host,
    n: values.originalHost,
    r: values.remoteUser,
    p: String(values.port),
    u: values.localUser,
    d: values.home,
  };
  return text.replace(/%(.?)/g, (token, letter: string) => {
    const value = table[letter];
    if (value === undefined) {
      throw new HfleetError('SSH_CONFIG', `${where}: token '${token}' is not supported by hfleet`, {
        hint: 'supported tokens: %% %h %n %r %p %u %d; or set the value in the inventory instead',
      });
    }
    return value;
  });
}

// A local path as ssh reads it: tokens expanded, `~/` at the home directory, relative to `cwd`.
export function expandPath(text: string, values: TokenValues, cwd: string, where: string): string {
  const expanded = expandTokens(text, values, where);
  if (expanded === '~' || expanded.startsWith('~/')) return resolve(values.home, `.${expanded.slice(1)}`);
  return isAbsolute(expanded) ? resolve(expanded) : resolve(cwd, expanded);
}
