// Fill in what the inventory leaves open from an OpenSSH client config (~/.ssh/config); the inventory wins.
import type { Host, SshSettings } from '../inventory/types.js';
import { PATTERNS } from '../inventory/validate/checks.js';
import { parseSshConfig, type ResolvedOptions, resolveOptions } from './resolve.js';
import { type ConvertContext, refuse, SETTING_SOURCES } from './settings.js';
import { expandTokens, type TokenValues } from './tokens.js';

/** What applying a config depends on besides its text. */
export interface SshConfigEnvironment {
  /** The config's path, for messages. */
  file: string;
  home: string;
  localUser: string;
  /** Relative IdentityFile / UserKnownHostsFile paths resolve against this (as ssh does). */
  cwd: string;
  /** The settings the inventory set for a host (default: `host.sshExplicit`, else all of them). */
  explicit?: (host: Host) => ReadonlySet<keyof SshSettings>;
}

type SshConfig = ReturnType<typeof parseSshConfig>;
const ALL_SETTINGS = Object.keys(SETTING_SOURCES) as (keyof SshSettings)[];

// The options for a host: by its address, else by its inventory name when only that has a block of its own.
function optionsFor(config: SshConfig, host: Host, localUser: string) {
  const byAddress = resolveOptions(config, { host: host.address.toLowerCase(), localUser });
  if (byAddress.specific || host.name === host.address) return { options: byAddress, viaAddress: true };
  const byName = resolveOptions(config, { host: host.name, localUser });
  return byName.specific ? { options: byName, viaAddress: false } : { options: byAddress, viaAddress: true };
}

// The settings of one host with the config's values where the inventory set nothing.
function settingsFor(
  options: ResolvedOptions,
  host: Host,
  explicit: ReadonlySet<keyof SshSettings>,
  ctx: ConvertContext,
) {
  const ssh: SshSettings = { ...host.ssh };
  for (const key of ALL_SETTINGS) {
    const source = SETTING_SOURCES[key];
    const words = source && options.values.get(source.keyword.toLowerCase());
    if (!source || !words || explicit.has(key)) continue;
    const value = (source.convert as (w: string[], c: ConvertContext) => unknown)(words, ctx);
    if (value !== undefined) (ssh as unknown as Record<string, unknown>)[key] = value;
    ctx.tokens = { ...ctx.tokens, remoteUser: ssh.user, port: ssh.port };
  }
  return ssh;
}

// A jump host `[user@]alias[:port]` with the alias's HostName, User and Port from the config filled in.
function resolveJump(config: SshConfig, jump: string, ctx: ConvertContext): string {
  const match = PATTERNS.jump.exec(jump);
  if (!match) return refuse(ctx, 'ProxyJump', jump, 'is not [user@]host[:port]');
  const [, user, alias = '', port] = match;
  if (alias.startsWith('[')) return jump;
  const values = resolveOptions(config, {
    host: alias.toLowerCase(),
    localUser: ctx.tokens.localUser,
  }).values;
  const first = (keyword: string) => values.get(keyword)?.[0];
  const hostName = expandTokens(
    first('hostname') ?? alias,
    { ...ctx.tokens, host: alias },
    `${ctx.where}: jump`,
  );
  const finalUser = user ?? first('user');
  const finalPort = port ?? first('port');
  return `${finalUser ? `${finalUser}@` : ''}${hostName}${finalPort ? `:${finalPort}` : ''}`;
}

// One host with the config applied.
function applyToHost(config: SshConfig, host: Host, env: SshConfigEnvironment): Host {
  const explicit = env.explicit?.(host) ?? new Set(host.sshExplicit ?? ALL_SETTINGS);
  const { options, viaAddress } = optionsFor(config, host, env.localUser);
  const candidate = viaAddress ? host.address : host.name;
  const tokens: TokenValues = {
    host: host.address,
    originalHost: candidate,
    remoteUser: host.ssh.user,
    port: host.ssh.port,
    localUser: env.localUser,
    home: env.home,
  };
  const ctx: ConvertContext = { where: `${env.file}: Host ${candidate}`, tokens, cwd: env.cwd };
  let address = host.address;
  const hostName = options.values.get('hostname')?.[0];
  if (viaAddress && hostName !== undefined) {
    address = expandTokens(hostName, { ...tokens, host: candidate }, `${ctx.where}: HostName`);
    if (!PATTERNS.address.test(address) || address.startsWith('-'))
      refuse(ctx, 'HostName', hostName, 'is not an IP address or DNS name');
    ctx.tokens = { ...tokens, host: address };
  }
  const ssh = settingsFor(options, host, explicit, ctx);
  if (ssh.jump !== undefined) ssh.jump = resolveJump(config, ssh.jump, ctx);
  return { ...host, address, ssh };
}

// Every host with the config's settings applied where its inventory set nothing; throws SSH_CONFIG on values
// hfleet cannot use. `Match exec` is never run and `Include` is not followed (see sshConfigNotes).
export function applySshConfig(
  hosts: readonly Host[],
  configText: string,
  env: SshConfigEnvironment,
): Host[] {
  const config = parseSshConfig(configText);
  return hosts.map((host) => applyToHost(config, host, env));
}
