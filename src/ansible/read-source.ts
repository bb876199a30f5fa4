// Which of Ansible's parsers read a file, in Ansible's order: YAML (for .yml, .yaml, .json or no extension),
// then INI (any file). The first that succeeds wins, whatever the file is called.
import { basename, extname } from 'node:path';
import { HfleetError } from '../errors.js';
import type { AnsibleInventory } from './model.js';
import { parseAnsibleIni } from './parse-ini.js';
import { parseAnsibleYaml } from './parse-yaml.js';

const YAML_EXTENSIONS = ['.yaml', '.yml', '.json'];

/** The inventory and the parser that read it. */
export interface ReadInventory {
  inventory: AnsibleInventory;
  format: 'yaml' | 'ini';
}

// The extension Python's os.path.splitext gives (none for `.hosts` or `hosts`).
function extension(file: string): string {
  const name = basename(file).replace(/^\.+/, '');
  return extname(name);
}

/** Read inventory text the way Ansible would; when every parser fails, one error with each one's reason. */
export function readAnsibleInventory(text: string, file: string): ReadInventory {
  const ext = extension(file);
  if (ext === '.toml') {
    throw new HfleetError('INVENTORY_INVALID', `${file}: TOML inventories are not read`, {
      hint: 'run `ansible-inventory -i FILE --list -y > static.yml` and import static.yml',
    });
  }
  const failures: string[] = [];
  if (ext === '' || YAML_EXTENSIONS.includes(ext)) {
    try {
      return { inventory: parseAnsibleYaml(text, file), format: 'yaml' };
    } catch (error) {
      if (!(error instanceof HfleetError) || error.hint !== undefined) throw error;
      failures.push(`as YAML: ${error.message}`);
    }
  }
  try {
    return { inventory: parseAnsibleIni(text, file), format: 'ini' };
  } catch (error) {
    if (!(error instanceof HfleetError) || failures.length === 0) throw error;
    failures.push(`as INI: ${error.message}`);
  }
  throw new HfleetError('INVENTORY_INVALID', `${file}: not an Ansible inventory (${failures.join('; ')})`);
}
