// `group_vars/` and `host_vars/` beside an inventory file: Ansible reads them with the file (their values win
// over the file's own), hfleet reads only the file (docs/import-ansible.md), so it says which it left unread.
import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';

const VARS_DIRS = ['group_vars', 'host_vars'] as const;

/** The variable directories beside `file` that Ansible would read with it. */
export function varsDirsBeside(file: string): string[] {
  const dir = dirname(file);
  return VARS_DIRS.filter((name) => statSync(join(dir, name), { throwIfNoEntry: false })?.isDirectory());
}

/** The note for those directories (none when there are none): what differs and how to include them. */
export function unreadVarsDirsNote(file: string): string[] {
  const found = varsDirsBeside(file);
  if (found.length === 0) return [];
  const dirs = found.map((name) => `${name}/`).join(' and ');
  return [
    `${dirs} beside ${file} not read (only the file is): Ansible reads them, so users, ports and other values may differ; to include them, run \`ansible-inventory -i ${file} --list -y > static.yml\` and import static.yml`,
  ];
}
