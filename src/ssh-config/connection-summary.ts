// What hfleet will do to reach a host, as plain data: address, user, keys, agent, route, known_hosts,
// strictness, transport, and where each value came from (for `hfleet hosts`; nothing is contacted).
import type { Host, SshHop, SshSettings } from '../inventory/types.js';

/** One hop of a route (a jump host, or the host itself). */
export interface HopSummary {
  host: string;
  address: string;
  port: number;
  user: string;
  /** Identity files in the order they are offered; undefined: ssh's default keys. */
  identityFiles: string[] | undefined;
  identitiesOnly: boolean;
  /** `none`, a socket path, or `SSH_AUTH_SOCK`. */
  agent: string;
  knownHosts: string[];
  hostKeyChecking: string;
  hostKeyAlias: string | undefined;
  proxyCommand: string | undefined;
  /** Where each value came from: `FILE:LINE`, `inventory` or `default`. */
  origins: Record<string, string>;
}

/** One host: its own hop, the jump hosts before it (first hop first), its transport, or why it cannot be reached. */
export interface ConnectionSummary extends HopSummary {
  customer: string;
  transport: 'ssh2' | 'openssh';
  jumps: HopSummary[];
  error: string | null;
}

function hopSummary(host: string, address: string, ssh: SshSettings): HopSummary {
  return {
    host,
    address,
    port: ssh.port,
    user: ssh.user,
    identityFiles: ssh.identityFiles ?? (ssh.identityFile === undefined ? undefined : [ssh.identityFile]),
    identitiesOnly: ssh.identitiesOnly ?? false,
    agent: ssh.identityAgent ?? 'SSH_AUTH_SOCK',
    knownHosts: [ssh.knownHosts, ...(ssh.moreKnownHosts ?? [])],
    hostKeyChecking: ssh.hostKeyChecking,
    hostKeyAlias: ssh.hostKeyAlias,
    proxyCommand: ssh.proxyCommand,
    origins: ssh.origins ?? {},
  };
}

// The jump hosts of settings, first hop first.
function jumpsOf(ssh: SshSettings): HopSummary[] {
  const hops: SshHop[] = [];
  for (let hop = ssh.via; hop; hop = hop.ssh.via) hops.unshift(hop);
  return hops.map((hop) => hopSummary(hop.host, hop.address, hop.ssh));
}

/** The summary of one host after the ssh config was applied. */
export function connectionSummary(host: Host): ConnectionSummary {
  return {
    ...hopSummary(host.name, host.address, host.ssh),
    customer: host.customer,
    transport: host.ssh.transport ?? 'ssh2',
    jumps: jumpsOf(host.ssh),
    error: host.ssh.unusable ?? null,
  };
}
