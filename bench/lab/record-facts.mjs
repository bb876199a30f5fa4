// Record what a converged lab host answers to hfleet's facts script (with the lock), for the simulation.
import { writeFileSync } from 'node:fs';
import { factRequestFor } from '../../dist/facts/request.js';
import { factsScript } from '../../dist/facts/script.js';
import { loadPlannedFleet } from '../../dist/fleet/fleet-input.js';
import { poolSessionOpener } from '../../dist/remote/open-session.js';
import { ConnectionPool } from '../../dist/transport/pool.js';
import { FACTS_FILE, FACTS_META_FILE } from '../sim/paths.mjs';

// Run the facts script on the inventory's first host and store its stdout and the host's vars.
export async function recordFacts(inventoryPath, vars) {
  const fleet = loadPlannedFleet(inventoryPath, undefined, undefined);
  const host = fleet.hosts[0];
  const pool = new ConnectionPool({});
  try {
    const session = await poolSessionOpener(pool)(host);
    const request = factRequestFor(fleet.tasks.get(host.name) ?? []);
    const run = await session.run(factsScript(request, { waitSec: 0, holder: 'bench' }), {
      timeoutMs: 60_000,
      what: 'recording facts',
    });
    session.end();
    if (run.status !== 0 || !run.stdout.includes('L\tacquired'))
      throw new Error(`facts failed: ${run.stderr}`);
    writeFileSync(FACTS_FILE, run.stdout);
    const meta = {
      recorded_from: host.name,
      display_name: host.displayName,
      vars,
      recorded_at: new Date().toISOString(),
    };
    writeFileSync(FACTS_META_FILE, `${JSON.stringify(meta, null, 2)}\n`);
    return meta;
  } finally {
    pool.closeAll();
  }
}
