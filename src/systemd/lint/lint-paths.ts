// Lint unit and drop-in files on the local disk; a unit's sibling `NAME.d/*.conf` drop-ins are merged in.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { HfleetError } from '../../errors.js';
import type { Finding, LintFile } from './finding.js';
import { lintFileKind } from './finding.js';
import { lintUnitFile, lintUnitWithDropins } from './lint-unit.js';

// Findings of the given files: drop-ins (`*.conf`) alone, units with their drop-in directory if present.
export function lintPaths(paths: readonly string[]): Finding[] {
  return paths.flatMap((path) => {
    const file = readLintFile(path);
    if (lintFileKind(file) === 'dropin') return lintUnitFile(file);
    return lintUnitWithDropins(file, siblingDropins(path), { triggered: hasSiblingTimer(path, paths) });
  });
}

function readLintFile(path: string): LintFile {
  try {
    return { path, content: readFileSync(path, 'utf8') };
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new HfleetError('UNIT_LINT', `${path}: cannot read: ${reason}`, {
      hint: 'give unit files, drop-in *.conf files, or an inventory .yml',
      cause: error,
    });
  }
}

function siblingDropins(unitPath: string): LintFile[] {
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
