// The expansions ssh applies to client paths: `~` and `~user`, `${NAME}`, then `%` tokens.
import { createHash } from 'node:crypto';
import { HfleetError } from '../errors.js';
import type { ResolveEnvironment } from './environment.js';

/** What `%` tokens stand for, by letter. */
export type TokenTable = Readonly<Record<string, string>>;

/** The connection facts the client tokens are made of. */
export interface ConnectionFacts {
  /** %h: the host name after HostName. */
  host: string;
  /** %n: the host as given. */
  originalHost: string;
  /** %r */
  user: string;
  /** %p */
  port: number;
  /** HostKeyAlias, for %k. */
  hostKeyAlias: string | undefined;
}

function tokenError(where: string, message: string): HfleetError {
  return new HfleetError('SSH_CONFIG', `${where}: ${message}`, {
    hint: 'fix the ssh config, or set the value in the inventory instead',
  });
}

/** The tokens ssh expands in IdentityFile, CertificateFile, UserKnownHostsFile, IdentityAgent, ProxyCommand. */
export function clientTokens(facts: ConnectionFacts, env: ResolveEnvironment): TokenTable {
  const port = String(facts.port);
  return {
    C: createHash('sha1').update(`${env.localHost}${facts.host}${port}${facts.user}`).digest('hex'),
    L: env.localHost.split('.')[0] ?? env.localHost,
    d: env.home,
    h: facts.host,
    i: String(env.uid),
    k: facts.hostKeyAlias ?? facts.host,
    l: env.localHost,
    n: facts.originalHost,
    p: port,
    r: facts.user,
    u: env.localUser,
    T: 'NONE',
  };
}

/** Replace `%%` and the table's `%X` tokens; any other token is an error (ssh stops on it too). */
export function percentExpand(text: string, table: TokenTable, where: string): string {
  return text.replace(/%(.?)/gs, (token, letter: string) => {
    if (letter === '%') return '%';
    const value = table[letter];
    if (value === undefined) throw tokenError(where, `unknown token '${token}'`);
    return value;
  });
}

/** Replace `${NAME}` with the environment variable; an unset one is an error, as for ssh. */
export function dollarExpand(text: string, env: ResolveEnvironment, where: string): string {
  return text.replace(/\$\{([^}]*)\}/g, (_, name: string) => {
    const value = env.env[name];
    if (value === undefined) throw tokenError(where, `environment variable \${${name}} is not set`);
    return value;
  });
}

/** A leading `~` or `~user` as ssh expands it (the password database's home, not $HOME). */
export function tildeExpand(path: string, env: ResolveEnvironment, where: string): string {
  const match = /^~([^/]*)(\/.*)?$/.exec(path);
  if (!match) return path;
  const [, name = '', tail = ''] = match;
  const home = name === '' ? env.home : env.userHome(name);
  if (home === undefined) throw tokenError(where, `no such local user '~${name}'`);
  return `${home.replace(/\/$/, '')}${tail === '' ? '' : tail}` || '/';
}

/** A client path as ssh expands it: `~`, then `${NAME}`, then `%` tokens. */
export function expandClientPath(
  path: string,
  table: TokenTable,
  env: ResolveEnvironment,
  where: string,
): string {
  return percentExpand(dollarExpand(tildeExpand(path, env, where), env, where), table, where);
}
