// Unified diffs of managed files for --diff and drift (jsdiff: a well-kept, exact implementation).
import { createTwoFilesPatch } from 'diff';

// The unified diff from what is on the host to what hfleet would write (`null`: the file goes away).
export function unifiedDiff(path: string, before: string | undefined, after: string | null): string {
  return createTwoFilesPatch(
    before === undefined ? '/dev/null' : `${path} (on host)`,
    after === null ? '/dev/null' : `${path} (rendered)`,
    before ?? '',
    after ?? '',
    undefined,
    undefined,
    { context: 3 },
  )
    .split('\n')
    .slice(1)
    .join('\n');
}
