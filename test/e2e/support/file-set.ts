// Which rendering a host's managed files are at, as one set: `old`, `new`, or `mixed`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { filesUnder } from '../reliability/whole-files.js';
import { onHost } from './fleet.js';

function rendered(render: string, host: string, file: string): string | null {
  try {
    return readFileSync(path.join(render, host, file), 'utf8');
  } catch {
    return null;
  }
}

// Compare every file of both renderings with the host: all at `before`, all at `after`, or a mix.
export async function fileSet(host: string, before: string, after: string): Promise<'old' | 'new' | 'mixed'> {
  const files = [...new Set([...filesUnder(path.join(before, host)), ...filesUnder(path.join(after, host))])];
  const script = files
    .map((file) => `if [ -f '${file}' ]; then printf '1'; base64 -w0 '${file}'; else printf 0; fi; echo`)
    .join('\n');
  const actual = (await onHost(host, script))
    .split('\n')
    .slice(0, files.length)
    .map((line) => (line.startsWith('1') ? Buffer.from(line.slice(1), 'base64').toString('utf8') : null));
  const matches = (render: string) => files.every((file, i) => actual[i] === rendered(render, host, file));
  if (matches(after)) return 'new';
  if (matches(before)) return 'old';
  return 'mixed';
}
