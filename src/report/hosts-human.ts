// `hfleet hosts` for people: one block per host, each value beside where it came from.
import type { ChalkInstance } from 'chalk';
import type { ConnectionSummary, HopSummary } from '../ssh-config/connection-summary.js';

function hostPort(hop: HopSummary): string {
  const address = hop.address.includes(':') ? `[${hop.address}]` : hop.address;
  return `${hop.user}@${address}:${hop.port}`;
}

// The lines of one hop's settings, label, value and origin in columns.
function hopLines(hop: HopSummary, style: ChalkInstance, indent: string): string[] {
  const origin = (key: string) => style.dim(hop.origins[key] ?? 'default');
  const row = (label: string, value: string, key: string) =>
    `${indent}${label.padEnd(12)} ${value}  ${origin(key)}`;
  const keys = hop.identityFiles?.join(', ') ?? "ssh's default keys (~/.ssh/id_*)";
  const rows = [
    row('address', hop.address, 'address'),
    row('port', String(hop.port), 'port'),
    row('user', hop.user, 'user'),
    row('keys', `${keys}${hop.identitiesOnly ? ' (identities only)' : ''}`, 'identityFiles'),
    row('agent', hop.agent, 'identityAgent'),
    row('known_hosts', hop.knownHosts.join(', '), 'knownHosts'),
    row('host keys', hop.hostKeyChecking, 'hostKeyChecking'),
  ];
  if (hop.hostKeyAlias) rows.push(row('key alias', hop.hostKeyAlias, 'hostKeyAlias'));
  if (hop.proxyCommand) rows.push(row('proxy', `/bin/sh -c 'exec ${hop.proxyCommand}'`, 'proxyCommand'));
  return rows;
}

/** The human report of every host. */
export function hostsHuman(summaries: readonly ConnectionSummary[], style: ChalkInstance): string {
  const blocks = summaries.map((summary) => {
    const head = `${style.bold(summary.host)} (${summary.customer}) via ${summary.transport}`;
    if (summary.error) return `${head}\n  ${style.red('cannot connect:')} ${summary.error}\n`;
    const route =
      summary.jumps.length > 0
        ? `  route        ${[...summary.jumps.map(hostPort), hostPort(summary)].join(' -> ')}`
        : summary.proxyCommand
          ? '  route        through the proxy command'
          : '  route        direct';
    const jumpBlocks = summary.jumps.flatMap((hop, index) => [
      `  jump ${index + 1}: ${hop.host}`,
      ...hopLines(hop, style, '    '),
    ]);
    return [head, route, ...hopLines(summary, style, '  '), ...jumpBlocks, ''].join('\n');
  });
  return blocks.join('\n');
}
