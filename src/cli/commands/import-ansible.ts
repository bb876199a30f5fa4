// `hfleet import-ansible`: turn an Ansible inventory (YAML or INI) into an hfleet inventory.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname, relative, resolve } from 'node:path';
import { CUSTOMER_RULE_FORMS, parseCustomerRule } from '../../ansible/customers.js';
import { importAnsible } from '../../ansible/import.js';
import { unreadVarsDirsNote } from '../../ansible/vars-dirs.js';
import { HfleetError } from '../../errors.js';
import { SCHEMA_DIR } from '../../schema/write-schemas.js';
import { defineCommand, type SetExitCode } from '../command-table.js';

interface ImportArgs {
  source: string;
  out: string | undefined;
  force: boolean;
  user: string | undefined;
  'customer-from': string | undefined;
}

// The login user of hosts that set none: `--user`, else the local user as Ansible takes it.
function defaultUser(given: string | undefined): { defaultUser: string; userGiven: boolean } {
  if (given !== undefined) return { defaultUser: given, userGiven: true };
  return { defaultUser: process.env['USER'] || userInfo().username, userGiven: false };
}

// Where an editor finds the inventory schema from a file at `out` (absolute when printing to stdout).
function schemaPathFrom(out: string | undefined): string {
  const schema = resolve(SCHEMA_DIR, 'inventory.schema.json');
  return out === undefined ? schema : relative(dirname(resolve(out)), schema);
}

// Read the Ansible inventory, or fail with a usable message.
function readSource(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new HfleetError(
      'USAGE',
      `${file}: cannot read the Ansible inventory: ${(error as Error).message}`,
      {
        hint: 'pass the path of an Ansible inventory file (YAML or INI); directories are not read',
        cause: error,
      },
    );
  }
}

// Without --customer-from: the hfleet_customer variable where the inventory sets it, else a customer per host.
function defaultRule(text: string): string {
  return text.includes('hfleet_customer') ? 'var:hfleet_customer' : 'host';
}

/** The yargs module of `hfleet import-ansible`. */
export function importAnsibleCommand(_setExitCode: SetExitCode) {
  return defineCommand<ImportArgs>(
    'import-ansible',
    (yargs) =>
      yargs
        .positional('source', { type: 'string', demandOption: true, describe: 'Ansible inventory file' })
        .option('out', { alias: 'o', type: 'string', describe: 'write the inventory here (default: stdout)' })
        .option('force', { type: 'boolean', default: false, describe: 'overwrite --out if it exists' })
        .option('user', {
          type: 'string',
          describe: 'login user for hosts that set none (default: the local user, as Ansible)',
        })
        .option('customer-from', {
          type: 'string',
          describe: `how hosts make customers: ${CUSTOMER_RULE_FORMS} (default: host, or var:hfleet_customer when set)`,
        })
        .example('$0 import-ansible hosts.ini > inventory.yml', 'convert an INI inventory')
        .example('$0 import-ansible inventory.yml --out hfleet.yml', 'convert a YAML inventory into a file')
        .example(
          '$0 import-ansible hosts --customer-from group:customers',
          'a customer per child of [customers]',
        )
        .example('$0 import-ansible hosts 2> not-mapped.txt', 'keep the report of what was left out'),
    (args) => {
      const text = readSource(args.source);
      const rule = parseCustomerRule(args['customer-from'] ?? defaultRule(text));
      const options = { rule, ...defaultUser(args.user) };
      const result = importAnsible(text, args.source, options, schemaPathFrom(args.out));
      if (args.out !== undefined) {
        if (existsSync(args.out) && !args.force) {
          throw new HfleetError('USAGE', `${args.out} exists; not overwriting it`, { hint: 'pass --force' });
        }
        writeFileSync(args.out, result.yaml);
      } else {
        process.stdout.write(result.yaml);
      }
      for (const item of result.refused) process.stderr.write(`refused: ${item.host}: ${item.reason}\n`);
      const notes = [...unreadVarsDirsNote(args.source), ...result.notes];
      for (const note of notes) process.stderr.write(`note: ${note}\n`);
      for (const line of result.summary) process.stderr.write(`${line}\n`);
      process.stderr.write(
        `import-ansible: ${result.hosts.length} host(s) in ${result.customers} customer(s); ${result.refused.length} refused; ${notes.length} note(s)\n`,
      );
    },
  );
}
