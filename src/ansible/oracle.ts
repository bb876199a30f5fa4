// Ansible itself as the judge: `ansible-inventory --list` on a file, and the address, port and user Ansible's
// ssh connection would take from each host's vars (read here on their own, not with the importer's code).
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** One host as Ansible lists it, with the login Ansible would make (`user` undefined: the local user). */
export interface OracleHost {
  name: string;
  address: string;
  port: number;
  user: string | undefined;
  connection: string;
  vars: Record<string, unknown>;
}

/** What Ansible made of a file: its hosts, or its error. */
export type OracleResult = { ok: true; hosts: OracleHost[] } | { ok: false; error: string };

type ListOutput = Record<
  string,
  { hosts?: string[]; children?: string[]; hostvars?: Record<string, Record<string, unknown>> }
>;

// The first of `names` set to something other than null (Ansible's ssh connection skips a null).
function pick(vars: Record<string, unknown>, names: string[]): unknown {
  for (const name of names) if (vars[name] !== undefined && vars[name] !== null) return vars[name];
  return undefined;
}

/** Hosts and their logins from `ansible-inventory --list` JSON. */
export function oracleHosts(output: ListOutput): OracleHost[] {
  const hostvars = output['_meta']?.hostvars ?? {};
  const names = new Set(Object.keys(hostvars));
  for (const [group, body] of Object.entries(output))
    if (group !== '_meta') for (const host of body.hosts ?? []) names.add(host);
  return [...names].map((name) => {
    const vars = hostvars[name] ?? {};
    const port = pick(vars, ['ansible_ssh_port', 'ansible_port']);
    const user = pick(vars, ['ansible_ssh_user', 'ansible_user']);
    return {
      name,
      address: String(pick(vars, ['ansible_ssh_host', 'ansible_host']) ?? name),
      port: port === undefined ? 22 : Number(port),
      // An empty user gives ssh no `User` option: the local user logs in.
      user: user === undefined || user === '' ? undefined : String(user),
      connection: String(pick(vars, ['ansible_connection']) ?? 'ssh'),
      vars,
    };
  });
}

/**
 * Run `ansible-inventory -i FILE --list` with no configuration of the user's; a file Ansible cannot parse
 * is an error (not Ansible's warning and an empty inventory).
 */
export async function runAnsibleInventory(file: string): Promise<OracleResult> {
  const scratch = await mkdtemp(join(tmpdir(), 'hfleet-ansible-'));
  try {
    const env = {
      ...process.env,
      ANSIBLE_CONFIG: join(scratch, 'none.cfg'),
      ANSIBLE_HOME: scratch,
      ANSIBLE_LOCAL_TEMP: scratch,
      ANSIBLE_INVENTORY_UNPARSED_FAILED: 'True',
      ANSIBLE_INVENTORY_ANY_UNPARSED_IS_FAILED: 'True',
      ANSIBLE_NOCOLOR: '1',
      ANSIBLE_LOCALHOST_WARNING: 'False',
    };
    const { stdout } = await execFileAsync('ansible-inventory', ['-i', file, '--list'], {
      env,
      maxBuffer: 512 * 1024 * 1024,
    });
    return { ok: true, hosts: oracleHosts(JSON.parse(stdout) as ListOutput) };
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? String(error);
    const line =
      stderr.split('\n').find((item) => /ERROR|error/.test(item)) ?? stderr.trim().split('\n')[0] ?? '';
    return { ok: false, error: line.trim() };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
