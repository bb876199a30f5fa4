// The lab's bridge and routes in the controller's namespace (IP forwarding is never touched).
import { BRIDGE, BRIDGE_ADDRESS, LAB_RANGE } from './layout.js';
import { run, runChecked } from './run.js';

/** The metric of the `unreachable` safety route for the lab range (below the bridge's connected route). */
export const UNREACHABLE_METRIC = 4242;

/** True when the lab bridge exists. */
export async function bridgeExists(): Promise<boolean> {
  return (await run(['ip', 'link', 'show', 'dev', BRIDGE])).code === 0;
}

/** Create the bridge with the controller's lab address and the `unreachable` route for the lab range. */
export async function ensureBridge(): Promise<void> {
  if (!(await bridgeExists())) {
    await runChecked(['ip', 'link', 'add', 'name', BRIDGE, 'type', 'bridge']);
    await run(['sysctl', '-q', '-w', `net.ipv6.conf.${BRIDGE}.disable_ipv6=1`]);
    await runChecked(['ip', 'addr', 'add', BRIDGE_ADDRESS, 'dev', BRIDGE]);
  }
  await runChecked(['ip', 'link', 'set', 'dev', BRIDGE, 'up']);
  await runChecked([
    'ip',
    'route',
    'replace',
    'unreachable',
    LAB_RANGE,
    'metric',
    String(UNREACHABLE_METRIC),
  ]);
}

/** Remove the bridge and the safety route; quiet when they are already gone. */
export async function removeBridge(): Promise<void> {
  if (await bridgeExists()) await runChecked(['ip', 'link', 'del', 'dev', BRIDGE]);
  while (
    (await run(['ip', 'route', 'del', 'unreachable', LAB_RANGE, 'metric', String(UNREACHABLE_METRIC)]))
      .code === 0
  ) {
    // a route added twice is removed twice
  }
}

/** The controller's routes that mention the lab range (for leftovers checks). */
export async function labRoutes(): Promise<string[]> {
  const result = await run(['ip', 'route', 'show', 'table', 'all']);
  return result.stdout.split('\n').filter((line) => line.includes('10.213.'));
}
