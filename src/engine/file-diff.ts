// Unified diffs of managed files for --diff and drift (jsdiff: a well-kept, exact implementation).
import { createTwoFilesPatch } from 'diff';

/**
 * Characters a terminal does not show, made visible on a changed line: a CR before the line end, a byte-order
 * mark, and trailing blanks (each space `·`, each tab `→`), so two lines that look alike show why they differ.
 */
export function markInvisibles(line: string): string {
  const body = line.replace(/\r$/, '').replaceAll('\uFEFF', '<BOM>');
  const trailing = /[ \t]+$/.exec(body)?.[0] ?? '';
  const shown = trailing.replaceAll(' ', '·').replaceAll('\t', '→');
  return `${body.slice(0, body.length - trailing.length)}${shown}${line.endsWith('\r') ? '␍' : ''}`;
}

/** The unified diff from what is on the host to what hfleet would write (`null`: the file goes away). */
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
    .map((line) => (/^[-+](?![-+]{2} )/.test(line) ? `${line[0]}${markInvisibles(line.slice(1))}` : line))
    .join('\n');
}
