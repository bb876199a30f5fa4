// The files a host's resolved tasks write: what `render` shows and `lint` checks, from the same playbook apply uses.
import type { ResolvedTask } from './types.js';

/** One file a playbook writes on a host, with its intended content. */
export interface RenderedFile {
  /** Absolute path on the host. */
  path: string;
  content: string;
  /** The unit it belongs to (units and drop-ins), e.g. `hub-platform.service`. */
  unit: string | undefined;
  kind: 'unit' | 'dropin' | 'file';
}

/** The files these tasks write, in task order; a file that must be absent (no override) is left out. */
export function renderedFiles(tasks: readonly ResolvedTask[]): RenderedFile[] {
  return tasks.flatMap((task): RenderedFile[] =>
    (task.module === 'unit' || task.module === 'dropin' || task.module === 'file') && task.content !== null
      ? [{ path: task.path, content: task.content, unit: task.unit, kind: task.module }]
      : [],
  );
}
