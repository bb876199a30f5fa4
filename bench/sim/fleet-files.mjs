// The files a simulated fleet needs: a client key, known_hosts for the servers, and an inventory.
import { chmodSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dump } from 'js-yaml';
import ssh2 from 'ssh2';

// A fresh ed25519 client key pair written to DIR/id_ed25519; returns the path and the public key line.
export function writeClientKey(dir) {
  for (;;) {
    const pair = ssh2.utils.generateKeyPairSync('ed25519');
    if (ssh2.utils.parseKey(pair.private) instanceof Error) continue;
    const keyPath = path.join(dir, 'id_ed25519');
    writeFileSync(keyPath, pair.private);
    chmodSync(keyPath, 0o600);
    return { keyPath, publicKey: pair.public };
  }
}

// known_hosts lines pinning the servers' host key on every port.
export function knownHostsText(ports, hostKey) {
  return ports.map((port) => `[127.0.0.1]:${port} ${hostKey}\n`).join('');
}

// The name of simulated host number i (1-based), e.g. sim-00042.
export function simHostName(i) {
  return `sim-${String(i).padStart(5, '0')}`;
}

// An inventory of `hosts` hosts spread over the ports, all with the recorded host's display name and vars.
export function simInventory({ hosts, ports, keyPath, knownHostsPath, displayName, vars }) {
  const customers = {};
  ports.forEach((port, p) => {
    const members = {};
    for (let i = p + 1; i <= hosts; i += ports.length) members[simHostName(i)] = { address: '127.0.0.1' };
    if (Object.keys(members).length === 0) return;
    customers[`sim-${p + 1}`] = { display_name: displayName, ssh: { port }, hosts: members };
  });
  return {
    defaults: {
      ssh: { user: 'root', identity_file: keyPath, known_hosts: knownHostsPath, host_key_checking: 'strict' },
      vars,
    },
    customers,
  };
}

// Write the inventory YAML into DIR; returns its path.
export function writeSimInventory(dir, spec) {
  const file = path.join(dir, 'inventory.yml');
  writeFileSync(file, dump(simInventory(spec)));
  return file;
}
