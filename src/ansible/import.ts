// `hfleet import-ansible` as a pure function: Ansible inventory text in, hfleet inventory YAML, the hosts
// imported and refused, notes and a summary of the customers out.
import { DUMP_SCHEMA, dump } from 'js-yaml';
import { HfleetError } from '../errors.js';
import { parseInventory } from '../inventory/load.js';
import { readAnsibleInventory } from './read-source.js';
import { summarize } from './summary.js';
import { type ConvertOptions, type ImportedHost, toHfleet } from './to-hfleet.js';

/** The YAML text of the new inventory and what the person should read about it. */
export interface AnsibleImport {
  yaml: string;
  hosts: ImportedHost[];
  refused: { host: string; reason: string }[];
  notes: string[];
  summary: string[];
  customers: number;
}

/**
 * Convert Ansible inventory text; the result is checked by loading it as an hfleet inventory.
 * `schemaPath`: where editors find inventory.schema.json from the output file (adds a modeline).
 */
export function importAnsible(
  text: string,
  file: string,
  options: ConvertOptions,
  schemaPath?: string,
): AnsibleImport {
  const { inventory: source, format } = readAnsibleInventory(text, file);
  const converted = toHfleet(source, options);
  if (converted.hosts.length === 0) {
    const refused = converted.refused.map((item) => `${item.host} (${item.reason})`).join('; ');
    throw new HfleetError(
      'INVENTORY_INVALID',
      `${file}: no host to import${refused ? `: refused ${refused}` : ''}`,
    );
  }
  const header = [
    ...(schemaPath ? [`# yaml-language-server: $schema=${schemaPath}`] : []),
    `# Imported from the Ansible inventory ${file} (${format.toUpperCase()}) by hfleet import-ansible; review before use.`,
    '',
  ].join('\n');
  const yaml = `${header}${dump(converted.inventory, { lineWidth: 110, noRefs: true, schema: DUMP_SCHEMA })}`;
  const loaded = parseInventory(yaml, 'imported inventory');
  return {
    yaml,
    hosts: converted.hosts,
    refused: converted.refused,
    notes: converted.notes,
    summary: summarize(source, converted, options.rule),
    customers: loaded.customers.length,
  };
}
