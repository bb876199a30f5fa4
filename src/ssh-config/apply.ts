// Fill in what the inventory leaves open from the OpenSSH client config, resolving each host (and each jump
// host) as `ssh` resolves it; the inventory's own settings act as ssh's command-line options.
import { HfleetError } from '../errors.js';
import type { Host, SshHop, SshSettings } from '../inventory/types.js';
import { PATTERNS } from '../inventory/validate/checks.js';
import type { ResolveEnvironment } from './environment.js';
import { INVENTORY_ORIGIN, originText, settingsFromResolution } from './host-settings.js';
import { isConfigFileError } from './lex.js';
import { notHonouredNote } from './not-honoured.js';
import { type Found, type Resolution, resolveConfig } from './resolve.js';
import { readJumpList } from './values.js';

/** The config to apply (`text` is empty when there is none: inventory jump hosts still resolve). */
export interface SshConfigSource {
  file: string;
  text: string;
}

/** The hosts with the config applied, and one note per keyword hfleet does not honour. */
export interface AppliedSshConfig {
  hosts: Host[];
  notes: string[];
}

const MAX_HOPS = 8;
const STRICTNESS = { strict: 'yes', 'accept-new': 'accept-new', off: 'no' } as const;

interface Context {
  source: SshConfigSource;
  env: ResolveEnvironment;
  notes: Map<string, string>;
}

// The inventory's explicit settings as ssh command-line options: they win over the config.
function presetOf(host: Host): Map<string, Found> {
  const explicit = new Set(host.sshExplicit ?? []);
  const preset = new Map<string, Found>();
  const set = (keyword: string, value: string | number | undefined) => {
    if (value !== undefined) preset.set(keyword, { args: [String(value)], origin: INVENTORY_ORIGIN });
  };
  const { ssh } = host;
  if (explicit.has('user')) set('user', ssh.user);
  if (explicit.has('port')) set('port', ssh.port);
  if (explicit.has('identityFile')) set('identityfile', ssh.identityFile);
  if (explicit.has('knownHosts')) set('userknownhostsfile', ssh.knownHosts);
  if (explicit.has('hostKeyChecking')) set('stricthostkeychecking', STRICTNESS[ssh.hostKeyChecking]);
  if (explicit.has('connectTimeout')) set('connecttimeout', ssh.connectTimeout);
  if (explicit.has('jump') && ssh.jump !== undefined) {
    set('proxyjump', ssh.jump);
    set('proxycommand', 'none');
  }
  return preset;
}

function resolve(ctx: Context, destination: string, preset: Map<string, Found>): Resolution {
  return resolveConfig({ file: ctx.source.file, text: ctx.source.text, destination, preset, env: ctx.env });
}

// Remember what this resolution sets that the ssh2 transport does not act on.
function collectNotes(ctx: Context, resolution: Resolution, ssh: SshSettings): void {
  if (ssh.transport === 'openssh') return;
  for (const [keyword, origin] of resolution.seen) {
    if (ctx.notes.has(keyword)) continue;
    const value = resolution.values.get(keyword)?.args[0] ?? '';
    const note = notHonouredNote(keyword, originText(origin), value);
    if (note) ctx.notes.set(keyword, note);
  }
}

// The settings a jump host starts from before its own config: ssh's defaults, hfleet's timeout and transport.
function hopFallback(target: SshSettings, env: ResolveEnvironment): SshSettings {
  return {
    user: env.localUser,
    port: 22,
    identityFile: undefined,
    knownHosts: `${env.home}/.ssh/known_hosts`,
    moreKnownHosts: [`${env.home}/.ssh/known_hosts2`],
    hostKeyChecking: 'strict',
    jump: undefined,
    become: false,
    connectTimeout: target.connectTimeout,
    transport: target.transport ?? 'ssh2',
    origins: { user: 'default', port: 'default', knownHosts: 'default' },
  };
}

// The jump host a ProxyJump value leads through (its last hop), each hop resolved as a host of its own.
function resolveJump(ctx: Context, spec: string, target: SshSettings, depth: number): SshHop {
  const hops = readJumpList(spec, ctx.env.servicePort);
  if (!hops) throw new HfleetError('SSH_CONFIG', `ProxyJump '${spec}' is not [user@]host[:port][,...]`);
  let previous: SshHop | undefined;
  for (const [index, hop] of hops.entries()) {
    if (depth + index >= MAX_HOPS)
      throw new HfleetError(
        'SSH_CONFIG',
        `jump chain longer than ${MAX_HOPS} hops at '${hop.host}' (a loop?)`,
      );
    const preset = new Map<string, Found>();
    if (hop.user !== undefined) preset.set('user', { args: [hop.user], origin: INVENTORY_ORIGIN });
    if (hop.port !== undefined) preset.set('port', { args: [String(hop.port)], origin: INVENTORY_ORIGIN });
    if (previous) {
      preset.set('proxyjump', { args: [spec], origin: INVENTORY_ORIGIN });
      preset.set('proxycommand', { args: ['none'], origin: INVENTORY_ORIGIN });
    }
    const resolution = resolve(ctx, hop.host, preset);
    const { address, ssh, typed } = settingsFromResolution(resolution, hopFallback(target, ctx.env), ctx.env);
    collectNotes(ctx, resolution, ssh);
    if (previous) ssh.via = previous;
    else if (typed.proxyJump) ssh.via = resolveJump(ctx, typed.proxyJump, ssh, depth + index + 1);
    previous = { host: hop.host, address: checkedAddress(address, resolution), ssh };
  }
  return previous as SshHop;
}

// The address to connect to, refused when it could be read as an option or is not a host name or address.
function checkedAddress(address: string, resolution: Resolution): string {
  if (PATTERNS.address.test(address) && !address.startsWith('-')) return address;
  const origin = resolution.values.get('hostname')?.origin;
  const where = origin ? `${originText(origin)}: HostName` : 'address';
  throw new HfleetError('SSH_CONFIG', `${where} '${address}' is not an IP address or DNS name`);
}

// One host with the config applied; a value hfleet cannot use marks the host unusable (others go on).
function applyToHost(ctx: Context, host: Host): Host {
  const preset = presetOf(host);
  try {
    let resolution = resolve(ctx, host.address, preset);
    let destination = host.address;
    if (!resolution.specific && host.name !== host.address) {
      const byName = resolve(
        ctx,
        host.name,
        new Map([...preset, ['hostname', { args: [host.address], origin: INVENTORY_ORIGIN }]]),
      );
      if (byName.specific) {
        resolution = byName;
        destination = host.name;
      }
    }
    const fallback: SshSettings = { ...host.ssh, origins: defaultOrigins(host) };
    const { address, ssh, typed } = settingsFromResolution(resolution, fallback, ctx.env);
    collectNotes(ctx, resolution, ssh);
    if (typed.proxyJump) ssh.via = resolveJump(ctx, typed.proxyJump, ssh, 0);
    ssh.openssh = { configFile: ctx.source.text === '' ? undefined : ctx.source.file, destination };
    return { ...host, address: checkedAddress(address, resolution), ssh };
  } catch (error) {
    if (isConfigFileError(error) || !(error instanceof HfleetError)) throw error;
    return { ...host, ssh: { ...host.ssh, unusable: error.message } };
  }
}

// Where each inventory setting came from before the config: `inventory` when set there, else `default`.
function defaultOrigins(host: Host): Record<string, string> {
  const explicit = new Set<string>(host.sshExplicit ?? []);
  const origins: Record<string, string> = { address: 'inventory' };
  for (const key of Object.keys(host.ssh)) origins[key] = explicit.has(key) ? 'inventory' : 'default';
  return origins;
}

/**
 * Every host with the config's settings applied where its inventory set nothing; throws `FILE:LINE: ...`
 * only when the config cannot be read at all.
 */
export function applySshConfig(
  hosts: readonly Host[],
  source: SshConfigSource,
  env: ResolveEnvironment,
): AppliedSshConfig {
  const ctx: Context = { source, env, notes: new Map() };
  const applied = hosts.map((host) => applyToHost(ctx, host));
  return { hosts: applied, notes: [...ctx.notes.values()] };
}
