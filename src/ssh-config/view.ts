// The settings of a resolution that decide where and as whom to connect, printed as `ssh -G` prints them.
import type { ResolveEnvironment } from './environment.js';
import type { Found, Resolution } from './resolve.js';
import { clientTokens, expandClientPath, type TokenTable } from './tokens.js';
import { type Read, readChoice, readInteger, readJumpList, readPort, readTime } from './values.js';

/** The `ssh -G` keywords hfleet resolves, in the order it reports them. */
export const VIEW_KEYWORDS = [
  'hostname',
  'user',
  'port',
  'identityfile',
  'identitiesonly',
  'identityagent',
  'certificatefile',
  'proxyjump',
  'proxycommand',
  'stricthostkeychecking',
  'userknownhostsfile',
  'globalknownhostsfile',
  'hostkeyalias',
  'connecttimeout',
  'serveraliveinterval',
  'serveralivecountmax',
  'addressfamily',
] as const;

/** One of those keywords. */
export type ViewKeyword = (typeof VIEW_KEYWORDS)[number];

/** Each keyword's printed lines (several for IdentityFile / CertificateFile; none when ssh prints none). */
export type SshView = Record<ViewKeyword, string[]>;

/** The identity files ssh tries when none is configured, in its order (names in ~/.ssh). */
export const DEFAULT_IDENTITIES = [
  'id_rsa',
  'id_ecdsa',
  'id_ecdsa_sk',
  'id_ed25519',
  'id_ed25519_sk',
  'id_xmss',
  'id_dsa',
];
const DEFAULT_GLOBAL_KNOWN_HOSTS = ['/etc/ssh/ssh_known_hosts', '/etc/ssh/ssh_known_hosts2'];

function checked<T>(read: Read<T>): T {
  if ('error' in read) throw new Error(read.error);
  return read.value;
}

/** A resolution's values read into their types, with ssh's defaults (paths not yet expanded). */
export interface Settings {
  host: string;
  original: string;
  user: string;
  port: number;
  identityFiles: string[];
  identitiesOnly: boolean;
  identityAgent: string | undefined;
  certificateFiles: string[];
  /** The ProxyJump value (`none` dropped), hops first to last. */
  proxyJump: string | undefined;
  proxyCommand: string | undefined;
  strictHostKeyChecking: string;
  userKnownHostsFiles: string[];
  globalKnownHostsFiles: string[];
  hostKeyAlias: string | undefined;
  connectTimeout: number | undefined;
  serverAliveInterval: number;
  serverAliveCountMax: number;
  addressFamily: string;
}

// ssh's ServerAliveInterval when none is set: 300 seconds in BatchMode, else 0 (no keepalives).
function batchModeInterval(batchMode: string | undefined): number {
  return batchMode !== undefined && checked(readChoice('flag', batchMode)) === 'yes' ? 300 : 0;
}

/** The typed settings of a resolution (values were checked while reading, so reads here cannot fail). */
export function settingsOf(resolution: Resolution, env: ResolveEnvironment): Settings {
  const word = (keyword: string) => resolution.values.get(keyword)?.args[0];
  const words = (keyword: string) => resolution.values.get(keyword)?.args;
  const port = word('port');
  const jump = word('proxyjump');
  const command = word('proxycommand');
  const timeout = word('connecttimeout');
  const interval = word('serveraliveinterval');
  const countMax = word('serveralivecountmax');
  const listed = (found: Found[]) => found.map((entry) => entry.args[0] ?? '');
  return {
    host: resolution.host,
    original: resolution.original,
    user: word('user') ?? env.localUser,
    port: port === undefined ? 22 : checked(readPort(port, env.servicePort)),
    identityFiles: resolution.lists.identityfile.length
      ? listed(resolution.lists.identityfile)
      : DEFAULT_IDENTITIES.map((name) => `~/.ssh/${name}`),
    identitiesOnly: checked(readChoice('flag', word('identitiesonly') ?? 'no')) === 'yes',
    identityAgent: word('identityagent'),
    certificateFiles: listed(resolution.lists.certificatefile),
    proxyJump: jump === undefined || jump.toLowerCase() === 'none' ? undefined : jump,
    proxyCommand: command === undefined || command === 'none' ? undefined : command,
    strictHostKeyChecking: checked(
      readChoice('stricthostkeychecking', word('stricthostkeychecking') ?? 'ask'),
    ),
    userKnownHostsFiles: words('userknownhostsfile') ?? ['~/.ssh/known_hosts', '~/.ssh/known_hosts2'],
    globalKnownHostsFiles: words('globalknownhostsfile') ?? DEFAULT_GLOBAL_KNOWN_HOSTS,
    hostKeyAlias: word('hostkeyalias')?.toLowerCase(),
    connectTimeout: timeout === undefined ? undefined : checked(readTime(timeout)),
    // `ServerAliveInterval none` leaves it unset, so BatchMode's default still applies (as in ssh).
    serverAliveInterval:
      (interval === undefined ? undefined : checked(readTime(interval))) ??
      batchModeInterval(word('batchmode')),
    serverAliveCountMax: countMax === undefined ? 3 : checked(readInteger(countMax)),
    addressFamily: checked(readChoice('addressfamily', word('addressfamily') ?? 'any')),
  };
}

/** The client tokens of settings (%h %p %r ...). */
export function tokensOf(settings: Settings, env: ResolveEnvironment): TokenTable {
  return clientTokens(
    {
      host: settings.host,
      originalHost: settings.original,
      user: settings.user,
      port: settings.port,
      hostKeyAlias: settings.hostKeyAlias,
    },
    env,
  );
}

// The ProxyJump value as ssh prints it: earlier hops as written, the last one re-assembled, its host in
// brackets when it has a `:` or is only digits and dots (an IPv4 address).
function printedJump(value: string, env: ResolveEnvironment): string {
  const hops = readJumpList(value, env.servicePort) ?? [];
  const last = hops[hops.length - 1];
  if (!last) return value;
  const cut = value.lastIndexOf(',');
  const bracketed = last.host.includes(':') || /^[0-9.]+$/.test(last.host);
  const host = bracketed ? `[${last.host}]` : last.host;
  const hop = `${last.user ? `${last.user}@` : ''}${host}${last.port ? `:${last.port}` : ''}`;
  return cut > 0 ? `${value.slice(0, cut)},${hop}` : hop;
}

/** What `ssh -G` prints for the keywords hfleet resolves; throws where ssh's expansion would stop. */
export function sshView(resolution: Resolution, env: ResolveEnvironment): SshView {
  const settings = settingsOf(resolution, env);
  const tokens = tokensOf(settings, env);
  const expand = (path: string, what: string) =>
    expandClientPath(path, tokens, env, `${settings.original}: ${what}`);
  const optional = (value: string | undefined) => (value === undefined ? [] : [value]);
  const knownHosts = settings.userKnownHostsFiles;
  return {
    hostname: [settings.host],
    user: [settings.user],
    port: [String(settings.port)],
    identityfile: settings.identityFiles,
    identitiesonly: [settings.identitiesOnly ? 'yes' : 'no'],
    identityagent: optional(settings.identityAgent && expand(settings.identityAgent, 'IdentityAgent')),
    certificatefile: settings.certificateFiles,
    proxyjump: optional(settings.proxyJump && printedJump(settings.proxyJump, env)),
    proxycommand: optional(settings.proxyCommand),
    stricthostkeychecking: [settings.strictHostKeyChecking],
    userknownhostsfile: [
      knownHosts[0] === 'none'
        ? 'none'
        : knownHosts.map((path) => expand(path, 'UserKnownHostsFile')).join(' '),
    ],
    globalknownhostsfile: [settings.globalKnownHostsFiles.join(' ')],
    hostkeyalias: optional(settings.hostKeyAlias),
    connecttimeout: [settings.connectTimeout === undefined ? 'none' : String(settings.connectTimeout)],
    serveraliveinterval: [String(settings.serverAliveInterval)],
    serveralivecountmax: [String(settings.serverAliveCountMax)],
    addressfamily: [settings.addressFamily],
  };
}
