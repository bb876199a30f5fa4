// Write a host's rendered files under a local directory, as they would lie on the host.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { HfleetError } from '../errors.js';
import type { RenderedFile } from '../playbook/rendered-files.js';

/** Write files below `outDir/hostName/` (mode 0644); returns the host's directory. */
export function writeRenderedFiles(outDir: string, hostName: string, files: readonly RenderedFile[]): string {
  const hostDir = resolve(outDir, hostName);
  if (!hostDir.startsWith(resolve(outDir) + sep) || hostName.includes('/')) {
    throw new HfleetError('USAGE', `host name '${hostName}' cannot be used as a directory name`);
  }
  for (const file of files) {
    const target = join(hostDir, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.content, { mode: 0o644 });
  }
  return hostDir;
}
