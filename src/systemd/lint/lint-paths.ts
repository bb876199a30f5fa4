// Lint unit and drop-in files on the local disk; a unit's sibling `NAME.d/*.conf` drop-ins are merged in.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Finding, LintFile } from './finding.js';
import { lintFileKind } from './finding.js';
import { lintUnitFile, lintUnitWithDropins } from './lint-unit.js';

/**
 * Findings of the given files: drop-ins (`*.conf`) alone, units with their drop-in directory if present.
 * A path that cannot be read is an error finding of its own (line 0); the other paths are still linted.
 */
export function lintPaths(paths: readonly string[]): Finding[] {
  return paths.flatMap((path) => {
    const file = readLintFile(path);
    if ('rule' in file) return [file];
    if (lintFileKind(file) === 'dropin') return lintUnitFile(file);
    const dropins = siblingDropins(path);
    const readable = dropins.filter((dropin): dropin is LintFile => !('rule' in dropin));
    const unreadable = dropins.filter((dropin): dropin is Finding => 'rule' in dropin);
    return [
      ...unreadable,
      ...lintUnitWithDropins(file, readable, { triggered: hasSiblingTimer(path, paths) }),
    ];
  });
}

function readLintFile(path: string): LintFile | Finding {
  try {
    return { path, content: readFileSync(path, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a directory, not a unit file' : code;
    return { file: path, line: 0, rule: 'unreadable', severity: 'error', message: `cannot read: ${reason}` };
  }
}

function siblingDropins(unitPath: string): Array<LintFile | Finding> {
  const dir = `${unitPath}.d`;
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.conf'))
    .sort()
    .map((name) => readLintFile(join(dir, name)));
}

// A service with a same-named timer (given, or beside it) is started by the timer.
function hasSiblingTimer(unitPath: string, given: readonly string[]): boolean {
  if (!unitPath.endsWith('.service')) return false;
  const timerName = basename(unitPath).replace(/\.service$/, '.timer');
  return given.some((path) => basename(path) === timerName) || existsSync(join(dirname(unitPath), timerName));
}
