// A simulated fleet: its SSH servers in a child process, a client key, known_hosts and an inventory; and the
// way both controllers are run (a child whose last stdout line is its JSON report).
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { knownHostsText, writeClientKey, writeSimInventory } from './fleet-files.mjs';
import { FACTS_FILE, FACTS_META_FILE } from './paths.mjs';

// The child serving `ports` ssh2 servers for this client key; close its stdin to stop it.
export function startServers(ports, publicKey) {
  const child = spawn(
    process.execPath,
    [path.join(import.meta.dirname, 'server-process.mjs'), String(ports), FACTS_FILE, publicKey],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async () => JSON.parse((await lines.next()).value);
  return { child, next };
}

// Servers on `portCount` ports and an inventory of `hostCount` hosts spread over them, written into `dir`.
export async function startSimFleet(dir, hostCount, portCount) {
  const meta = JSON.parse(readFileSync(FACTS_META_FILE, 'utf8'));
  const { keyPath, publicKey } = writeClientKey(dir);
  const servers = startServers(portCount, publicKey);
  const { ports, hostKey } = await servers.next();
  const knownHostsPath = path.join(dir, 'known_hosts');
  writeFileSync(knownHostsPath, knownHostsText(ports, hostKey));
  const inventory = writeSimInventory(dir, {
    hosts: hostCount,
    ports,
    keyPath,
    knownHostsPath,
    displayName: meta.display_name,
    vars: meta.vars,
  });
  return { servers, ports, inventory };
}

// Run a controller script with these arguments; resolves to the JSON of its last stdout line.
export function runController(script, args, what) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args.map(String)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.once('error', reject);
    child.once('close', (code) => {
      if (code !== 0) return reject(new Error(`${what} exited ${code}`));
      resolve(JSON.parse(out.trim().split('\n').pop()));
    });
  });
}
