// A scratch fleet for hostile-input cases: a valid inventory, playbook and template set, each case overriding one part.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dump } from 'js-yaml';
import { scratchDir } from '../../support/scratch-dir.js';

/** Where the recording SSH server listens, and the files a host needs to reach it. */
export interface Target {
  port: number;
  identityFile: string;
  knownHosts: string;
}

/** One hostile case: what it replaces in the valid fleet, and what the refusal must name. */
export interface HostileCase {
  name: string;
  /** Raw inventory text (replaces the generated one); use `inventory` for a structural change instead. */
  inventoryText?: string;
  /** Change the valid inventory object in place. */
  inventory?: (inventory: InventoryDoc) => void;
  /** Raw playbook text (replaces the generated one). */
  playbookText?: string;
  /** Replace the valid playbook's tasks. */
  tasks?: unknown[];
  /** Extra template files, by name relative to the playbook directory. */
  templates?: Record<string, string>;
  /** Which file the message must name: the inventory, the playbook, or a template. */
  file: 'inventory' | 'playbook' | 'template';
  /** Text the one-line message must contain (the path to the bad value). */
  path: string;
}

/** The plain-object inventory a case may change. */
// biome-ignore lint/suspicious/noExplicitAny: cases poke at arbitrary places, valid or not
export type InventoryDoc = Record<string, any>;

/** A case's files on disk. */
export interface CaseFiles {
  inventory: string;
  playbook: string;
  dir: string;
}

// The valid inventory: one customer, one host at the recording server.
export function validInventory(target: Target): InventoryDoc {
  return {
    defaults: {
      ssh: {
        user: 'root',
        port: target.port,
        identity_file: target.identityFile,
        known_hosts: target.knownHosts,
        host_key_checking: 'strict',
      },
      vars: { extra: { greeting: 'hello' } },
    },
    customers: {
      acme: { display_name: 'Acme Corp', hosts: { 'acme-1': { address: '127.0.0.1' } } },
    },
  };
}

const VALID_TASKS = [
  { name: 'platform unit', unit: { name: 'hub-platform.service', template: 'templates/plain.service' } },
  { name: 'a note', file: { dest: '/etc/honeyframe/note.txt', content: '{{ greeting }} {{ customer }}\n' } },
  { name: 'platform running', service: { name: 'hub-platform.service', state: 'started', enabled: true } },
];

const PLAIN_UNIT = '[Unit]\nDescription=Platform {{ display_name }}\n\n[Service]\nExecStart=/bin/true\n';

// Write a case's inventory, playbook and templates into a fresh directory.
export function writeCase(target: Target, hostile: HostileCase): CaseFiles {
  const dir = scratchDir('hfleet-hostile-');
  mkdirSync(path.join(dir, 'templates'));
  const templates = { 'templates/plain.service': PLAIN_UNIT, ...hostile.templates };
  for (const [name, text] of Object.entries(templates)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  const inventoryDoc = validInventory(target);
  hostile.inventory?.(inventoryDoc);
  const inventory = path.join(dir, 'inventory.yml');
  writeFileSync(inventory, hostile.inventoryText ?? dump(inventoryDoc));
  const playbook = path.join(dir, 'playbook.yml');
  writeFileSync(
    playbook,
    hostile.playbookText ?? dump({ name: 'hostile', tasks: hostile.tasks ?? VALID_TASKS }),
  );
  return { inventory, playbook, dir };
}
