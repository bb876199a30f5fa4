// The file, unit and dropin modules: write a managed file when its content, mode or owner differ, or when the
// path is a symbolic link (replaced by a regular file, the change naming the old target).

import type { HostFacts } from '../facts/types.js';
import type { ResolvedFileTask } from '../playbook/types.js';
import { MANAGED_FILE } from '../systemd/managed-paths.js';
import type { FileChange } from './plan-types.js';

/** The change this file task needs on this host, or null when the host already matches. */
export function planFile(task: ResolvedFileTask, facts: HostFacts): FileChange | null {
  const fact = facts.files.get(task.path);
  const exists = fact?.exists === true;
  const restarts = [...(task.unit ? [task.unit] : []), ...task.notify];
  const link = fact?.symlinkTo;
  const base = {
    task: task.module,
    path: task.path,
    before: fact?.content,
    restarts,
    ...(link === undefined ? {} : { replacesSymlink: link }),
  };
  if (task.content === null) return exists ? { ...base, action: 'removed', content: null } : null;
  if (!exists) return { ...base, action: 'created', content: task.content };
  const same =
    link === undefined &&
    fact.content === task.content &&
    fact.mode === MANAGED_FILE.mode &&
    fact.owner === MANAGED_FILE.owner &&
    fact.group === MANAGED_FILE.group;
  return same ? null : { ...base, action: 'updated', content: task.content };
}
