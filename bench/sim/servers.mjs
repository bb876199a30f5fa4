// Start the simulated hosts' SSH servers in a child process; `next` reads its JSON lines.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { FACTS_FILE } from './paths.mjs';

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
