// Temporary directories for tests that are always removed: after the test that made them, or after the file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, onTestFinished } from 'vitest';

// Directories kept for the whole test file. This module is imported while the file is collected, so the hook
// below belongs to that file's root suite and runs after its last test, whichever hook or test made them.
const keptForFile: string[] = [];
afterAll(() => {
  for (const dir of keptForFile.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A new directory under the system temp dir, removed when the running test finishes (pass or fail). */
export function scratchDir(prefix = 'hfleet-test-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * A new directory for a whole test file, removed after the file's last test. It may be made anywhere: at the
 * top level, in a hook, in a test, or in a helper that one of those calls.
 */
export function scratchDirForFile(prefix = 'hfleet-test-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  keptForFile.push(dir);
  return dir;
}
