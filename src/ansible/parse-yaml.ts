// Ansible's YAML inventory format: `all: {hosts, vars, children: {group: {hosts, vars, children}}}`.
import { CORE_SCHEMA, load } from 'js-yaml';
import { HfleetError } from '../errors.js';
import { expandHostPattern } from './host-pattern.js';
import { type AnsibleInventory, type AnsibleVars, addHost, emptyInventory, groupOf } from './model.js';

type Mapping = Record<string, unknown>;

// A mapping, an empty section (null) as {}, anything else an error.
function mappingAt(value: unknown, where: string): Mapping {
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new HfleetError('INVENTORY_INVALID', `${where}: must be a mapping`);
  }
  return value as Mapping;
}

// One group and, recursively, its children.
function readGroup(inventory: AnsibleInventory, name: string, value: unknown, where: string): void {
  const body = mappingAt(value, where);
  const group = groupOf(inventory, name);
  for (const key of Object.keys(body)) {
    if (!['hosts', 'vars', 'children'].includes(key)) {
      throw new HfleetError(
        'INVENTORY_INVALID',
        `${where}/${key}: unknown key (expected hosts, vars, children)`,
      );
    }
  }
  Object.assign(group.vars, mappingAt(body['vars'], `${where}/vars`));
  for (const [pattern, vars] of Object.entries(mappingAt(body['hosts'], `${where}/hosts`))) {
    const own = mappingAt(vars, `${where}/hosts/${pattern}`) as AnsibleVars;
    for (const host of expandHostPattern(pattern)) addHost(inventory, name, host, own);
  }
  for (const [child, childBody] of Object.entries(mappingAt(body['children'], `${where}/children`))) {
    if (!group.children.includes(child)) group.children.push(child);
    readGroup(inventory, child, childBody, `${where}/children/${child}`);
  }
}

// Parse YAML inventory text; top-level keys are groups (normally just `all`).
export function parseAnsibleYaml(text: string, file: string): AnsibleInventory {
  let document: unknown;
  try {
    document = load(text, { schema: CORE_SCHEMA, filename: file, maxAliases: 200 });
  } catch (error) {
    throw new HfleetError('INVENTORY_INVALID', `${file}: ${(error as Error).message.split('\n')[0]}`, {
      cause: error,
    });
  }
  const inventory = emptyInventory();
  for (const [name, body] of Object.entries(mappingAt(document, file))) {
    readGroup(inventory, name, body, `${file}: ${name}`);
    const all = groupOf(inventory, 'all');
    if (name !== 'all' && !all.children.includes(name)) all.children.push(name);
  }
  return inventory;
}
