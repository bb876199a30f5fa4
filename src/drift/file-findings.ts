// `missing` and `changed`: the managed files whose write apply would make, with a diff of each.

import { unifiedDiff } from '../engine/file-diff.js';
import type { FileFact } from '../facts/types.js';
import { MANAGED_FILE } from '../systemd/managed-paths.js';
import type { FileChange } from '../tasks/plan-types.js';
import type { Finding } from './types.js';

function unitOf(change: FileChange): string | undefined {
  return change.task === 'file' ? undefined : change.restarts[0];
}

function metadataDrift(fact: FileFact | undefined): string[] {
  if (!fact?.exists || fact.symlinkTo !== undefined) return [];
  const notes: string[] = [];
  const { mode, owner, group } = MANAGED_FILE;
  if (fact.mode !== mode) notes.push(`mode ${fact.mode} (want ${mode})`);
  if (fact.owner !== owner || fact.group !== group)
    notes.push(`owner ${fact.owner}:${fact.group} (want ${owner}:${group})`);
  return notes;
}

// A managed path that is a symbolic link: what it points to, and whether the content it shows differs.
function symlinkFinding(
  change: FileChange,
  target: string,
  where: { unit?: string; path: string },
  diff: string,
): Finding {
  const dangling = change.action === 'created';
  const contentDiffers = !dangling && change.before !== change.content;
  const notes = [
    `${change.path} is a symlink to ${target}${dangling ? ', which does not exist' : ''}`,
    ...(contentDiffers ? ['content differs from the rendered file'] : []),
  ];
  return {
    kind: 'symlink',
    ...where,
    target,
    detail: notes.join('; '),
    fix: `replace the symlink with a regular file ${change.path}`,
    ...(dangling || contentDiffers ? { diff } : {}),
  };
}

/** One finding per managed file apply would create, rewrite or remove (a symbolic link: a `symlink` finding). */
export function fileFindings(
  changes: readonly FileChange[],
  fileFacts: ReadonlyMap<string, FileFact>,
): Finding[] {
  return changes.map((change): Finding => {
    const unit = unitOf(change);
    const where = { ...(unit ? { unit } : {}), path: change.path };
    const diff = unifiedDiff(change.path, change.before, change.content);
    if (change.replacesSymlink !== undefined && change.action !== 'removed')
      return symlinkFinding(change, change.replacesSymlink, where, diff);
    if (change.action === 'created') {
      return {
        kind: 'missing',
        ...where,
        detail: `${change.path} is absent`,
        fix: `create ${change.path}`,
        diff,
      };
    }
    if (change.action === 'removed') {
      return {
        kind: 'changed',
        ...where,
        detail: `${change.path} exists but this host needs no such file`,
        fix: `remove ${change.path}`,
        diff,
      };
    }
    const notes = metadataDrift(fileFacts.get(change.path));
    const contentDiffers = change.before !== change.content;
    const detail = [...(contentDiffers ? ['content differs from the rendered file'] : []), ...notes].join(
      '; ',
    );
    return {
      kind: 'changed',
      ...where,
      detail: `${change.path}: ${detail}`,
      fix: `rewrite ${change.path}`,
      ...(contentDiffers ? { diff } : {}),
    };
  });
}
