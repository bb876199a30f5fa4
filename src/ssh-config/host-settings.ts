// From a resolution to the SSH settings hfleet connects with: paths expanded as ssh expands them, each value
// with where it came from.
import { resolve as resolvePath } from 'node:path';
import type { HostKeyChecking, SshSettings } from '../inventory/types.js';
import type { ResolveEnvironment } from './environment.js';
import type { Origin, Resolution } from './resolve.js';
import { expandClientPath, percentExpand } from './tokens.js';
import { type Settings, settingsOf, tokensOf } from './view.js';

/** Origin of the values the inventory set (they are read like ssh's command line). */
export const INVENTORY_ORIGIN: Origin = { file: 'inventory', line: 0 };

const CHECKING: Record<string, HostKeyChecking> = {
  true: 'strict',
  ask: 'strict',
  'accept-new': 'accept-new',
  false: 'off',
};

/** `FILE:LINE`, or `inventory`. */
export function originText(origin: Origin): string {
  return origin.file === INVENTORY_ORIGIN.file ? 'inventory' : `${origin.file}:${origin.line}`;
}

/**
 * The resolution's settings for a host: ssh's values where the config (or the inventory, as a preset) set one,
 * `fallback`'s elsewhere.
 */
export function settingsFromResolution(
  resolution: Resolution,
  fallback: SshSettings,
  env: ResolveEnvironment,
): { address: string; ssh: SshSettings; typed: Settings } {
  const typed = settingsOf(resolution, env);
  const tokens = tokensOf(typed, env);
  const origins: Record<string, string> = { ...(fallback.origins ?? {}) };
  const from = (keyword: string, setting: string) => {
    const found = resolution.values.get(keyword);
    if (found) origins[setting] = originText(found.origin);
    return found !== undefined;
  };
  const where = (keyword: string, origin = resolution.values.get(keyword.toLowerCase())?.origin) =>
    origin ? `${originText(origin)}: ${keyword}` : keyword;
  const expand = (path: string, keyword: string, origin?: Origin) =>
    resolvePath(env.cwd, expandClientPath(path, tokens, env, where(keyword, origin)));
  const ssh: SshSettings = { ...fallback, origins };
  if (from('hostname', 'address')) origins['address'] = originText(resolution.values.get('hostname')!.origin);
  if (from('user', 'user')) ssh.user = typed.user;
  if (from('port', 'port')) ssh.port = typed.port;
  const identities = resolution.lists.identityfile;
  if (identities.length > 0) {
    ssh.identityFiles = identities.map((found) => expand(found.args[0] ?? '', 'IdentityFile', found.origin));
    ssh.identityFile = ssh.identityFiles[0];
    origins['identityFiles'] = identities.map((found) => originText(found.origin)).join(' ');
  }
  const certificates = resolution.lists.certificatefile;
  if (certificates.length > 0) {
    ssh.certificateFiles = certificates.map((found) =>
      expand(found.args[0] ?? '', 'CertificateFile', found.origin),
    );
    origins['certificateFiles'] = certificates.map((found) => originText(found.origin)).join(' ');
  }
  if (from('identitiesonly', 'identitiesOnly')) ssh.identitiesOnly = typed.identitiesOnly;
  if (from('identityagent', 'identityAgent') && typed.identityAgent !== undefined)
    ssh.identityAgent = expand(typed.identityAgent, 'IdentityAgent');
  if (from('userknownhostsfile', 'knownHosts')) {
    const [firstFile = 'none', ...rest] = typed.userKnownHostsFiles;
    ssh.knownHosts = firstFile === 'none' ? '/dev/null' : expand(firstFile, 'UserKnownHostsFile');
    ssh.moreKnownHosts = rest.map((path) => expand(path, 'UserKnownHostsFile'));
  }
  const global = typed.globalKnownHostsFiles.filter((path) => path !== 'none');
  if (from('globalknownhostsfile', 'globalKnownHosts') || global.length > 0)
    ssh.moreKnownHosts = [...(ssh.moreKnownHosts ?? []), ...global];
  if (from('stricthostkeychecking', 'hostKeyChecking'))
    ssh.hostKeyChecking = CHECKING[typed.strictHostKeyChecking] ?? 'strict';
  if (from('hostkeyalias', 'hostKeyAlias')) ssh.hostKeyAlias = typed.hostKeyAlias;
  if (from('connecttimeout', 'connectTimeout') && typed.connectTimeout)
    ssh.connectTimeout = typed.connectTimeout;
  const batchKeepalive = !resolution.values.has('serveraliveinterval') && typed.serverAliveInterval > 0;
  if (
    from('serveraliveinterval', 'serverAlive') ||
    from('serveralivecountmax', 'serverAlive') ||
    (batchKeepalive && from('batchmode', 'serverAlive'))
  )
    ssh.serverAlive = { interval: typed.serverAliveInterval, countMax: typed.serverAliveCountMax };
  if (from('addressfamily', 'addressFamily'))
    ssh.addressFamily = typed.addressFamily as SshSettings['addressFamily'];
  if (from('proxycommand', 'proxyCommand') && typed.proxyCommand !== undefined)
    ssh.proxyCommand = percentExpand(typed.proxyCommand, tokens, where('ProxyCommand'));
  return { address: typed.host, ssh, typed };
}
