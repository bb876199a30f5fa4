// Ansible's YAML inventory format, read with YAML 1.1 types as Ansible's loader reads them (`no` is false,
// `0755` is 493): top-level groups of `hosts`, `vars` and `children`; host keys may carry a port and ranges.
import { defineScalarTag, load, mergeTag, YAML11_SCHEMA } from 'js-yaml';
import { HfleetError } from '../errors.js';
import { readHostPattern } from './host-pattern.js';
import * as model from './model.js';

type Mapping = Record<string, unknown>;

/** A `!vault` value: encrypted text hfleet cannot read (Ansible prints it as `__ansible_vault`). */
export interface VaultValue {
  __ansible_vault: string;
}

const ANSIBLE_TAGS = [
  defineScalarTag<string>('!unsafe', { resolve: (source) => source, identify: () => false }),
  defineScalarTag<VaultValue>('!vault', {
    resolve: (source) => ({ __ansible_vault: source }),
    identify: () => false,
  }),
];
const SCHEMA = YAML11_SCHEMA.withTags(mergeTag, ...ANSIBLE_TAGS);

function isMapping(value: unknown): value is Mapping {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

// A YAML date as Ansible's JSON shows it: `2024-01-31`, or the ISO time when it has one.
function plain(value: unknown): unknown {
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (Array.isArray(value)) return value.map(plain);
  if (isMapping(value))
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, plain(item)]));
  return value;
}

// One group and, recursively, its children, with Ansible's tolerance: a string section is a one-key
// mapping, an empty section is skipped, an unknown key is skipped (and noted).
function readGroup(inventory: model.AnsibleInventory, name: string, value: unknown, where: string): void {
  if (value !== null && !isMapping(value)) {
    inventory.notes.push(`${where}: not a group definition (a ${typeof value}); Ansible skips it`);
    return;
  }
  model.addGroup(inventory, name);
  if (value === null) return;
  const body: Mapping = { ...value };
  for (const section of ['vars', 'children', 'hosts']) {
    const item = body[section];
    if (typeof item === 'string') body[section] = { [item]: null };
    else if (item !== undefined && item !== null && !isMapping(item)) {
      throw new HfleetError('INVENTORY_INVALID', `${where}/${section}: must be a mapping`);
    }
  }
  for (const [key, item] of Object.entries(body)) {
    if (item === null) continue;
    if (!isMapping(item) || !['vars', 'children', 'hosts'].includes(key)) {
      inventory.notes.push(`${where}/${key}: not hosts, vars or children; Ansible skips it`);
    } else if (key === 'vars') {
      for (const [variable, setting] of Object.entries(item))
        model.setGroupVariable(inventory, name, variable, plain(setting));
    } else if (key === 'children') {
      for (const [child, childBody] of Object.entries(item)) {
        readGroup(inventory, child, childBody, `${where}/children/${child}`);
        if (inventory.groups.has(child)) model.addChild(inventory, name, child);
        else if (inventory.hosts.has(child)) model.addHosts(inventory, name, [child], undefined, {}, where);
        else
          throw new HfleetError(
            'INVENTORY_INVALID',
            `${where}/children/${child}: not a known host nor group`,
          );
      }
    } else {
      for (const [key, vars] of Object.entries(item)) {
        const own = vars || {};
        if (!isMapping(own)) {
          throw new HfleetError('INVENTORY_INVALID', `${where}/hosts/${key}: host vars must be a mapping`);
        }
        const { names, port } = readHostPattern(key, `${where}/hosts/${key}`);
        model.addHosts(
          inventory,
          name,
          names,
          port,
          plain(own) as model.AnsibleVars,
          `${where}/hosts/${key}`,
        );
      }
    }
  }
}

/** Parse YAML (or JSON) inventory text as Ansible's yaml plugin does; top-level keys are groups. */
export function parseAnsibleYaml(text: string, file: string): model.AnsibleInventory {
  let document: unknown;
  try {
    document = load(text, { schema: SCHEMA, filename: file, json: true, maxAliases: 1000 });
  } catch (error) {
    throw new HfleetError('INVENTORY_INVALID', `${file}: ${(error as Error).message.split('\n')[0]}`, {
      cause: error,
    });
  }
  if (!document) throw new HfleetError('INVENTORY_INVALID', `${file}: empty YAML file`);
  if (!isMapping(document))
    throw new HfleetError('INVENTORY_INVALID', `${file}: YAML inventory must be a mapping`);
  if (document['plugin']) {
    throw new HfleetError(
      'INVENTORY_INVALID',
      `${file}: an inventory plugin configuration (plugin: ${String(document['plugin'])}), not an inventory`,
      { hint: 'run `ansible-inventory -i FILE --list -y > static.yml` and import static.yml' },
    );
  }
  const inventory = model.emptyInventory();
  for (const [name, body] of Object.entries(document)) readGroup(inventory, name, body, `${file}: ${name}`);
  model.reconcile(inventory);
  return inventory;
}
