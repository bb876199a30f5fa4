// status and logs on real hosts: the health loop across the fleet, and journal lines prefixed with their host.
import { afterAll, beforeAll, expect, it } from 'vitest';
import yargs from 'yargs';
import { logsCommand } from '../../src/cli/commands/logs.js';
import { labExec } from '../../src/lab/index.js';
import type { StatusHostResult } from '../../src/status/status-host.js';
import { captureOutput, runCli as hfleet } from '../support/cli-capture.js';
import { describeWithLab, requireLabState } from './lab-context.js';

// `hfleet logs ARGS` through its own yargs module (the root registers it separately).
async function logs(args: string[], stop?: AbortSignal): Promise<{ code: number; stdout: string }> {
  let code = 0;
  const { stdout } = await captureOutput(() =>
    yargs(['logs', ...args])
      .command(logsCommand((c) => (code = c), { stop }))
      .strict()
      .fail((message, error) => {
        throw error ?? new Error(message);
      })
      .parseAsync(),
  );
  return { code, stdout };
}

describeWithLab('hfleet status and logs against the lab', () => {
  let inventory: string;
  let hosts: string[];

  beforeAll(async () => {
    const lab = requireLabState();
    inventory = lab.inventoryPath;
    hosts = lab.hosts.slice(0, 2).map((h) => h.name);
    expect((await hfleet(['apply', inventory, '--limit', hosts.join(','), '--json'])).code).toBe(0);
  });

  afterAll(async () => {
    if (hosts)
      expect((await hfleet(['apply', inventory, '--limit', hosts.join(','), '--json'])).code).toBe(0);
  });

  it('reports every service healthy with PID, memory against MemoryMax, restarts and uptime: exit 0', async () => {
    const { code, stdout } = await hfleet(['status', inventory, '--limit', hosts.join(','), '--json']);
    const doc = JSON.parse(stdout) as { hosts: StatusHostResult[]; summary: Record<string, number> };
    expect(doc.summary).toEqual({ hosts: 2, healthy: 2, unhealthy: 0, unreachable: 0, error: 0 });
    const platform = doc.hosts[0]?.units.find((u) => u.unit === 'hub-platform.service');
    expect(platform).toMatchObject({ active: 'active', health: 200, memory_max: String(1500 * 1024 * 1024) });
    expect(platform?.main_pid).toBeGreaterThan(1);
    expect(platform?.memory_bytes).toBeGreaterThan(1024 * 1024);
    expect(platform?.uptime_sec).toBeGreaterThanOrEqual(0);
    expect(platform?.restarts).toBe(0);
    expect(code).toBe(0);
  });

  it('a stopped API turns its host unhealthy (exit 3); the table shows it', async () => {
    await labExec(hosts[1]!, 'systemctl stop hub-cloud.service');
    const { code, stdout } = await hfleet(['status', inventory, '--limit', hosts.join(',')]);
    expect(code).toBe(3);
    expect(stdout).toMatch(new RegExp(`${hosts[1]}\\s+hub-cloud\\.service\\s+inactive/dead\\s+none\\s+-`));
    expect(stdout).toMatch(new RegExp(`${hosts[0]}\\s+hub-cloud\\.service\\s+active/running\\s+200\\s+\\d+`));
    expect(stdout).toContain('2 hosts: 1 healthy, 1 unhealthy, 0 unreachable, 0 error');
  });

  it('logs: the journal of one service on each host, every line prefixed with its host', async () => {
    const { code, stdout } = await logs([inventory, 'hub-cloud', '--limit', hosts.join(','), '-n', '5']);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    const prefixed = (host: string) => new RegExp(`^${host}\\s* \\| `);
    for (const host of hosts) expect(lines.some((line) => prefixed(host).test(line))).toBe(true);
    expect(lines.every((line) => hosts.some((host) => prefixed(host).test(line)))).toBe(true);
    expect(stdout).toMatch(/Stopped .*Cloud API/);
  });

  it('logs -f follows every host until stopped', async () => {
    const stop = new AbortController();
    const following = logs(
      [inventory, 'hub-platform', '--limit', hosts.join(','), '-n', '0', '-f'],
      stop.signal,
    );
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await labExec(hosts[0]!, 'systemctl restart hub-platform.service');
    await new Promise((resolve) => setTimeout(resolve, 3000));
    stop.abort();
    const { code, stdout } = await following;
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`^${hosts[0]}\\s* \\| .*(Stopp|Start)`, 'm'));
    expect(stdout).not.toMatch(new RegExp(`^${hosts[1]}\\s* \\| `, 'm'));
  });
});
