// `hfleet import-ansible` as a pure function: Ansible inventory text in, hfleet inventory YAML and notes out.
import { dump } from 'js-yaml';
import { parseInventory } from '../inventory/load.js';
import { parseAnsibleIni } from './parse-ini.js';
import { parseAnsibleYaml } from './parse-yaml.js';
import { toHfleet } from './to-hfleet.js';

/** The YAML text of the new inventory and one line per thing that was not carried over. */
export interface AnsibleImport {
  yaml: string;
  notes: string[];
  hosts: number;
  customers: number;
}

// YAML when the name says so or the text opens like YAML; INI otherwise.
export function looksLikeYaml(text: string, file: string): boolean {
  if (/\.(ya?ml|json)$/i.test(file)) return true;
  if (/\.(ini|cfg|hosts)$/i.test(file)) return false;
  const first = text.split(/\r?\n/).find((line) => line.trim() !== '' && !/^\s*[#;]/.test(line)) ?? '';
  return !first.trim().startsWith('[') && /^[^=\s]+:\s*$/.test(first.trim());
}

// Convert Ansible inventory text; the result is checked by loading it as an hfleet inventory.
// `schemaPath`: where editors find inventory.schema.json from the output file (adds a modeline).
export function importAnsible(text: string, file: string, schemaPath?: string): AnsibleImport {
  const source = looksLikeYaml(text, file) ? parseAnsibleYaml(text, file) : parseAnsibleIni(text, file);
  const { inventory, notes } = toHfleet(source);
  const header = [
    ...(schemaPath ? [`# yaml-language-server: $schema=${schemaPath}`] : []),
    `# Imported from the Ansible inventory ${file} by hfleet import-ansible; review before use.`,
    '# Each Ansible host is a customer of its own unless it set hfleet_customer; set display_name per customer.',
    '',
  ].join('\n');
  const yaml = `${header}${dump(inventory, { lineWidth: 110, noRefs: true })}`;
  const loaded = parseInventory(yaml, 'imported inventory');
  return { yaml, notes, hosts: loaded.hosts.length, customers: loaded.customers.length };
}
