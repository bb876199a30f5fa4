// The ssh config corpus (test/fixtures/ssh-config/corpus): configs hfleet's resolution is checked on.
import { chmodSync, cpSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The corpus folder: one config a file, each naming the hosts it is tried with on its first line. */
export const CORPUS = join(import.meta.dirname, '../fixtures/ssh-config/corpus');

/** The host names a corpus config is tried with (its first line: `# hosts: a b c`). */
export function hostsOf(text: string): string[] {
  return /^# hosts: (.*)$/m.exec(text)?.[1]?.trim().split(/\s+/) ?? [];
}

/** Copy the corpus to `home`/.ssh, every file private (ssh refuses included files others can write). */
export function installCorpus(home: string): void {
  cpSync(CORPUS, join(home, '.ssh'), { recursive: true });
  privateTree(join(home, '.ssh'));
}

function privateTree(path: string): void {
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const full = join(path, entry.name);
    if (entry.isDirectory()) privateTree(full);
    else chmodSync(full, 0o600);
  }
}
