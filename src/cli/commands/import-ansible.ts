// `hfleet import-ansible`: turn an Ansible inventory (YAML or INI) into an hfleet inventory.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import type { CommandModule } from 'yargs';
import { importAnsible } from '../../ansible/import.js';
import { HfleetError } from '../../errors.js';
import { SCHEMA_DIR } from '../../schema/write-schemas.js';
import { commandHeader } from '../command-table.js';

interface ImportArgs {
  source: string;
  out: string | undefined;
  force: boolean;
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

// The yargs module of `hfleet import-ansible`.
export function importAnsibleCommand(
  _setExitCode: (code: number) => void,
): CommandModule<object, ImportArgs> {
  return {
    ...commandHeader('import-ansible'),
    builder: (yargs) =>
      yargs
        .positional('source', { type: 'string', demandOption: true, describe: 'Ansible inventory file' })
        .option('out', { alias: 'o', type: 'string', describe: 'write the inventory here (default: stdout)' })
        .option('force', { type: 'boolean', default: false, describe: 'overwrite --out if it exists' })
        .example('$0 import-ansible hosts.ini > inventory.yml', 'convert an INI inventory')
        .example('$0 import-ansible inventory.yml --out hfleet.yml', 'convert a YAML inventory into a file')
        .example(
          '$0 import-ansible hosts 2> not-mapped.txt',
          'keep the report of what was left out',
        ) as never,
    handler: (args) => {
      const text = readSource(args.source);
      const result = importAnsible(text, args.source, schemaPathFrom(args.out));
      if (args.out !== undefined) {
        if (existsSync(args.out) && !args.force) {
          throw new HfleetError('USAGE', `${args.out} exists; not overwriting it`, { hint: 'pass --force' });
        }
        writeFileSync(args.out, result.yaml);
      } else {
        process.stdout.write(result.yaml);
      }
      for (const note of result.notes) process.stderr.write(`note: ${note}\n`);
      process.stderr.write(
        `import-ansible: ${result.hosts} host(s) in ${result.customers} customer(s); ${result.notes.length} note(s)\n`,
      );
    },
  };
}
