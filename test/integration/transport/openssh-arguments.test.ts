// The ssh command line the OpenSSH transport builds for a host, given to `ssh -G` (no connection made), resolves
// to what hfleet itself resolved for that host (`hfleet hosts --json`): hostname, user, port, identity files,
// jump hosts and proxy command. Every host of every config of the conformance corpus, as an inventory host
// named apart from its address, as one named like its ssh config alias, and with the inventory's own user,
// port, key and jump host (which ssh receives as -l, -p, -i and -J).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import { join } from 'node:path';
import { dump } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadFleet } from '../../../src/fleet/fleet-input.js';
import type { HopSummary } from '../../../src/ssh-config/connection-summary.js';
import { DEFAULT_IDENTITIES } from '../../../src/ssh-config/view.js';
import { sshOptions } from '../../../src/transport/openssh/ssh-arguments.js';
import { runCli } from '../../support/cli-capture.js';
import { ensureDebianPackages } from '../../support/debian-packages.js';
import { scratchDirForFile } from '../../support/scratch-dir.js';
import { hostsOf, installCorpus } from '../../support/ssh-config-corpus.js';

const PASSWD_HOME = userInfo().homedir;

/** What both sides are compared on. */
interface Resolved {
  hostname: string;
  user: string;
  port: string;
  identityfile: string[];
  proxyjump: string[];
  proxycommand: string | undefined;
}

// `ProxyJump a,ops@b:2200` as the hop host names ssh will resolve (users and ports kept where given).
function jumpList(spec: string | undefined): string[] {
  if (spec === undefined || spec === 'none') return [];
  return spec.split(',').map((hop) => hop.replace(/^ssh:\/\//, ''));
}

// A hop of hfleet's chain written as ssh's ProxyJump writes it, with what the spec gave (user, port): earlier
// hops as written, the last one re-assembled with its host in brackets when it has a `:` or is an IPv4 address.
function hopAs(spec: string, hop: HopSummary, last: boolean): string {
  const user = spec.includes('@') ? `${hop.user}@` : '';
  const port = /:\d+$/.test(spec) ? `:${hop.port}` : '';
  const bracketed = last ? hop.host.includes(':') || /^[0-9.]+$/.test(hop.host) : spec.includes('[');
  const host = bracketed ? `[${hop.host}]` : hop.host;
  return `${user}${host}${port}`;
}

// `ssh -G` prints IdentityFile and ProxyCommand with their tokens unexpanded: expand them with ssh's own
// resolved values (undefined when a token is not one of these).
function expandTokens(
  text: string,
  values: { h: string; p: string; r: string; n: string },
): string | undefined {
  const table: Record<string, string> = {
    ...values,
    d: PASSWD_HOME,
    u: userInfo().username,
    l: hostname(),
    '%': '%',
  };
  let unknown = false;
  const expanded = text.replace(/%(.)/g, (_, token: string) => {
    if (table[token] === undefined) unknown = true;
    return table[token] ?? '';
  });
  return unknown ? undefined : expanded;
}

// `~/`, `~user/` and `${NAME}` in a path ssh -G printed as written (HOME is the one ssh ran with).
function expandPath(path: string, home: string): string {
  const env: Record<string, string | undefined> = { ...process.env, HOME: home };
  return path
    .replace(/^~\//, `${PASSWD_HOME}/`)
    .replace(/^~([a-z_][a-z0-9_-]*)\//, (whole, user: string) => {
      const entry = spawnSync('getent', ['passwd', user], { encoding: 'utf8' }).stdout.split(':');
      return entry[5] ? `${entry[5]}/` : whole;
    })
    .replace(/\$\{(\w+)\}/g, (whole, name: string) => env[name] ?? whole);
}

// `ssh -G` run with the transport's own options for the host: the compared lines.
function sshResolves(argv: string[], destination: string, home: string): Resolved | { error: string } {
  const run = spawnSync('ssh', ['-G', ...argv, '--', destination], {
    encoding: 'utf8',
    env: { ...process.env, HOME: home },
  });
  if (run.status !== 0) return { error: run.stderr.trim() };
  const lines = run.stdout
    .split('\n')
    .map((line) => [line.slice(0, line.indexOf(' ')), line.slice(line.indexOf(' ') + 1)]);
  const all = (key: string) => lines.filter(([name]) => name === key).map(([, value]) => value as string);
  const tokens = {
    h: all('hostname')[0] ?? '',
    p: all('port')[0] ?? '',
    r: all('user')[0] ?? '',
    n: destination,
  };
  const proxyCommand = all('proxycommand')[0];
  return {
    hostname: tokens.h,
    user: tokens.r,
    port: tokens.p,
    identityfile: all('identityfile').map((file) => expandTokens(expandPath(file, home), tokens) ?? file),
    proxyjump: jumpList(all('proxyjump')[0]),
    proxycommand:
      proxyCommand === undefined ? undefined : (expandTokens(proxyCommand, tokens) ?? proxyCommand),
  };
}

// hfleet's own resolution of the host, from `hfleet hosts --json`, in ssh -G's terms.
function hfleetResolves(summary: HopSummary & { jumps: HopSummary[] }, sshJumps: string[]): Resolved {
  const jumps = summary.jumps.slice(summary.jumps.length - sshJumps.length);
  return {
    hostname: summary.address,
    user: summary.user,
    port: String(summary.port),
    identityfile: summary.identityFiles ?? DEFAULT_IDENTITIES.map((name) => `${PASSWD_HOME}/.ssh/${name}`),
    proxyjump: jumps.map((hop, index) => hopAs(sshJumps[index] ?? '', hop, index === jumps.length - 1)),
    proxycommand: summary.proxyCommand,
  };
}

describe('the OpenSSH transport command line, resolved by ssh -G', () => {
  let home = '';
  let skipReason: string | undefined;
  const previousHome = process.env['HOME'];

  beforeAll(async () => {
    const packages = await ensureDebianPackages(['openssh-client']);
    if (!packages.ok) skipReason = packages.reason;
    home = scratchDirForFile('hfleet-openssh-argv-');
    installCorpus(home);
    process.env['HOME'] = home; // where ssh (and hfleet) look for an Include's `~`
  });

  afterAll(() => {
    if (previousHome === undefined) delete process.env['HOME'];
    else process.env['HOME'] = previousHome;
  });

  it('resolves to hfleet own answer on every host of the corpus', async (context) => {
    if (skipReason) return context.skip(skipReason);
    const quiet = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const disagreements: string[] = [];
    let compared = 0;
    try {
      // ssh drops an -i file that does not exist; the inventory's key must be there.
      const invKey = join(home, 'inv_key');
      writeFileSync(invKey, '', { mode: 0o600 });
      const configs = readdirSync(join(home, '.ssh')).filter((name) => name.endsWith('.conf'));
      for (const name of configs) {
        const file = join(home, '.ssh', name);
        const hosts = hostsOf(readFileSync(file, 'utf8'));
        const variants: Array<[string, Record<string, unknown>]> = hosts.flatMap((host, i) => [
          [`n${i}`, { address: host }],
          [host, { address: '192.0.2.10' }],
          [`e${i}`, { address: host, user: 'invuser', port: 2222, identity_file: invKey, jump: 'invjump' }],
        ]);
        for (const [hostName, entry] of variants) {
          const inventory = join(home, 'inventory.yml');
          writeFileSync(inventory, dump({ customers: { acme: { hosts: { [hostName]: entry } } } }));
          const listed = await runCli(['hosts', inventory, '--ssh-config', file, '--json']);
          let summary: (HopSummary & { jumps: HopSummary[]; error: string | null }) | undefined;
          try {
            summary = JSON.parse(listed.stdout).hosts[0];
          } catch {
            continue; // an inventory hfleet refuses (a name it does not take): nothing is connected to
          }
          if (!summary || summary.error) continue;
          const [host] = loadFleet(inventory, undefined, { sshConfig: file, transport: 'openssh' }).hosts;
          const target = { host: host!.name, address: host!.address, ssh: host!.ssh };
          const argv = sshOptions(target, { controlDir: '/nonexistent', persistSeconds: 1 });
          const ssh = sshResolves(argv, host!.ssh.openssh?.destination ?? host!.address, home);
          compared++;
          const where = `${name} ${hostName} (${JSON.stringify(entry)})`;
          if ('error' in ssh) {
            disagreements.push(`${where}: ssh -G refused hfleet's command line: ${ssh.error}`);
            continue;
          }
          const ours = hfleetResolves(summary, ssh.proxyjump);
          for (const key of Object.keys(ours) as (keyof Resolved)[]) {
            if (key === 'proxyjump' && summary.jumps.length < ssh.proxyjump.length)
              disagreements.push(
                `${where}: proxyjump: ssh ${ssh.proxyjump} hfleet ${summary.jumps.length} hops`,
              );
            else if (JSON.stringify(ours[key]) !== JSON.stringify(ssh[key]))
              disagreements.push(
                `${where}: ${key}: ssh ${JSON.stringify(ssh[key])} hfleet ${JSON.stringify(ours[key])}`,
              );
          }
        }
      }
    } finally {
      quiet.mockRestore();
    }
    process.stdout.write(`openssh command lines: ${compared} hosts compared with ssh -G\n`);
    expect(compared).toBeGreaterThan(200);
    expect(disagreements).toEqual([]);
  }, 300_000);
});
