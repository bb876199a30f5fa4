// serve's sweep on lab hosts against the bare OpenSSH floor: the kept connections make a sweep one round trip
// per host with no handshake. Run under the lab lock: node bench/lab/serve-sweep.mjs [--sweeps 5] [--out FILE]
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadPlannedFleet } from '../../dist/fleet/fleet-input.js';
import { readLabState } from '../../dist/lab/index.js';
import { FleetWatch } from '../../dist/serve/fleet-watch.js';
import { connect } from '../../dist/transport/connect.js';
import { median } from '../lib/stats.mjs';
import { sshFanOut } from './timed.mjs';

// Sweep the inventory's hosts `sweeps` times after a first (connecting) sweep, alternating with the floor.
export async function measureServeSweeps(lab, inventory, sweeps) {
  const fleet = loadPlannedFleet(inventory, undefined, undefined);
  const watch = new FleetWatch(fleet.hosts, fleet.tasks, {
    intervalMs: 0,
    forks: undefined,
    connector: connect,
    onWarning: () => undefined,
    history: undefined,
    who: 'bench',
  });
  try {
    const first = await watch.sweep();
    const floor = [];
    const sweep = [];
    for (let i = 0; i < sweeps; i++) {
      floor.push(await sshFanOut(lab, lab.hosts.slice(0, fleet.hosts.length)));
      sweep.push((await watch.sweep()).seconds);
    }
    const handshakes = [...watch.links.values()].reduce((sum, link) => sum + link.handshakeCount, 0);
    const states = {};
    for (const view of watch.snapshot.hosts) states[view.state] = (states[view.state] ?? 0) + 1;
    return {
      hosts: fleet.hosts.length,
      first_sweep_seconds: first.seconds,
      floor_seconds: floor,
      sweep_seconds: sweep,
      ratio_to_floor: median(sweep) / median(floor),
      handshakes,
      states,
    };
  } finally {
    watch.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { sweeps: { type: 'string', default: '5' }, out: { type: 'string' } },
  });
  const lab = readLabState();
  if (!lab) throw new Error('no lab is up (hfleet lab up N)');
  const result = await measureServeSweeps(lab, lab.inventoryPath, Number(values.sweeps));
  const text = `${JSON.stringify(result)}\n`;
  if (values.out) writeFileSync(values.out, text);
  process.stdout.write(text);
}
