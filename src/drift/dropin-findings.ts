// `unmanaged-dropin`: files in a managed unit's `.d/` that hfleet did not write and were not declared known.

import type { DropinEntry } from '../facts/types.js';
import { unitOfDropinDir } from '../systemd/managed-paths.js';
import type { Finding } from './types.js';

/** The drop-ins found in managed `.d/` directories that are neither hfleet's files nor on the known list. */
export function unmanagedDropinFindings(
  dropinDirs: ReadonlyMap<string, readonly DropinEntry[]>,
  managedPaths: ReadonlySet<string>,
  knownNames: readonly string[],
  texts: ReadonlyMap<string, string> = new Map(),
): Finding[] {
  const findings: Finding[] = [];
  for (const [dir, entries] of dropinDirs) {
    const unit = unitOfDropinDir(dir);
    for (const entry of entries) {
      const path = `${dir}/${entry.name}`;
      if (managedPaths.has(path) || knownNames.includes(entry.name)) continue;
      const ignored = entry.name.endsWith('.conf') ? '' : ' (not *.conf: systemd ignores it)';
      const text = texts.get(path);
      const summary = text === undefined ? '' : `: ${summarise(text)}`;
      findings.push({
        kind: 'unmanaged-dropin',
        ...(unit ? { unit } : {}),
        path,
        detail: `${path} was not written by hfleet${ignored}${summary}`,
        fix: null,
      });
    }
  }
  return findings;
}

// The directives of a drop-in on one line, e.g. `MemoryMax=2G, Environment=X=1`.
function summarise(text: string): string {
  const directives = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.includes('=') && !line.startsWith('#') && !line.startsWith(';'));
  if (directives.length === 0) return 'no directives';
  const shown = directives.slice(0, 4).join(', ');
  return directives.length > 4 ? `${shown}, ...` : shown;
}
