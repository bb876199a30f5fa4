// Find and read the OpenSSH client config: `--ssh-config FILE`, else ~/.ssh/config when it exists.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HfleetError } from '../errors.js';

/** A config file's path and text. */
export interface SshConfigFile {
  file: string;
  text: string;
}

/** Configs larger than this are refused (a real one is a few KiB). */
export const MAX_SSH_CONFIG_BYTES = 1024 * 1024;

/**
 * The config to apply: the given file (which must be readable), else ~/.ssh/config, else none. ~/.ssh/config is
 * refused where ssh refuses it (`sshReads`: another owner, or writable by others); a given file is not checked,
 * as ssh does not check `-F FILE`.
 */
export function readSshConfig(
  given: string | undefined,
  home: string,
  sshReads: (path: string) => boolean = () => true,
): SshConfigFile | undefined {
  const file = given ?? join(home, '.ssh', 'config');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (given === undefined && (error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new HfleetError('SSH_CONFIG', `${file}: cannot read the ssh config: ${(error as Error).message}`, {
      hint: 'pass a readable file to --ssh-config, or --ssh-config /dev/null to use none',
      cause: error,
    });
  }
  if (given === undefined && !sshReads(file)) {
    throw new HfleetError('SSH_CONFIG', `${file}: Bad owner or permissions (ssh refuses to read it)`, {
      hint: `make it yours and writable only by you (chmod 600 ${file}), as ssh requires`,
    });
  }
  if (Buffer.byteLength(text) > MAX_SSH_CONFIG_BYTES) {
    throw new HfleetError('SSH_CONFIG', `${file}: larger than 1 MiB; refusing to read it`, {
      hint: 'pass another file to --ssh-config, or --ssh-config /dev/null to use none',
    });
  }
  return { file, text };
}
