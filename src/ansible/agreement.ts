// How far an import agrees with Ansible, field by field: for every host Ansible lists, the hfleet host's
// address, port and user, or the importer's refusal of it by name.
import { readFile } from 'node:fs/promises';
import { HfleetError } from '../errors.js';
import { parseInventory } from '../inventory/load.js';
import { parseCustomerRule } from './customers.js';
import { importAnsible } from './import.js';
import { type OracleResult, runAnsibleInventory } from './oracle.js';

/** The fields compared. */
export const FIELDS = ['address', 'port', 'user'] as const;
type Field = (typeof FIELDS)[number];

/** One inventory's comparison. */
export interface InventoryAgreement {
  file: string;
  /** Both refused the whole file (the reasons), or undefined. */
  bothRefused?: { ansible: string; hfleet: string };
  hosts: number;
  agree: Record<Field, number>;
  refused: { host: string; reason: string }[];
  differences: string[];
}

/** The login user both sides take for a host that sets none. */
export const ORACLE_LOCAL_USER = 'oracle-local-user';

/** Compare the import of `file` with what Ansible gives (`oracle`, from runAnsibleInventory). */
export async function compareWithAnsible(file: string, oracle: OracleResult): Promise<InventoryAgreement> {
  const agreement: InventoryAgreement = {
    file,
    hosts: 0,
    agree: { address: 0, port: 0, user: 0 },
    refused: [],
    differences: [],
  };
  const text = await readFile(file, 'utf8');
  let result: ReturnType<typeof importAnsible> | undefined;
  let importError = '';
  try {
    const rule = parseCustomerRule('host');
    result = importAnsible(text, file, { rule, defaultUser: ORACLE_LOCAL_USER, userGiven: false });
  } catch (error) {
    if (!(error instanceof HfleetError)) throw error;
    importError = error.message;
  }
  if (!oracle.ok || !result) {
    if (!oracle.ok && !result) agreement.bothRefused = { ansible: oracle.error, hfleet: importError };
    else if (!oracle.ok)
      agreement.differences.push(`Ansible refuses the file (${oracle.error}); hfleet imports it`);
    else {
      const everyHostRefusable = oracle.hosts.length > 0 && /no host to import: refused/.test(importError);
      if (everyHostRefusable)
        agreement.refused = oracle.hosts.map((host) => ({ host: host.name, reason: importError }));
      else
        agreement.differences.push(
          `hfleet refuses the file (${importError}); Ansible reads ${oracle.hosts.length} host(s)`,
        );
      agreement.hosts = oracle.hosts.length;
    }
    return agreement;
  }
  const loaded = parseInventory(result.yaml, file, { home: '/nonexistent-home' });
  const hfleetName = new Map(result.hosts.map((host) => [host.ansibleName, host.name]));
  const refused = new Map(result.refused.map((item) => [item.host, item.reason]));
  const listed = new Set<string>();
  for (const host of oracle.hosts) {
    agreement.hosts += 1;
    listed.add(host.name);
    const reason = refused.get(host.name);
    if (reason !== undefined) {
      agreement.refused.push({ host: host.name, reason });
      continue;
    }
    const mine = loaded.hosts.find((item) => item.name === hfleetName.get(host.name));
    if (!mine) {
      agreement.differences.push(`${host.name}: listed by Ansible, missing from the import`);
      continue;
    }
    const got: Record<Field, unknown> = { address: mine.address, port: mine.ssh.port, user: mine.ssh.user };
    const want: Record<Field, unknown> = {
      address: host.address,
      port: host.port,
      user: host.user ?? ORACLE_LOCAL_USER,
    };
    for (const field of FIELDS) {
      if (got[field] === want[field]) agreement.agree[field] += 1;
      else
        agreement.differences.push(
          `${host.name}: ${field} ${JSON.stringify(got[field])}, Ansible ${JSON.stringify(want[field])}`,
        );
    }
  }
  for (const host of result.hosts) {
    if (!listed.has(host.ansibleName))
      agreement.differences.push(`${host.ansibleName}: imported, but Ansible does not list it`);
  }
  for (const item of result.refused) {
    if (!listed.has(item.host))
      agreement.differences.push(`${item.host}: refused, but Ansible does not list it`);
  }
  return agreement;
}

/** Run Ansible on `file` and compare. */
export async function checkAgainstAnsible(file: string): Promise<InventoryAgreement> {
  return compareWithAnsible(file, await runAnsibleInventory(file));
}
