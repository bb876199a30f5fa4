// Temporary directories for tests that are always removed: after the test that made them, or after the file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, onTestFinished } from 'vitest';

/** A new directory under the system temp dir, removed when the running test finishes (pass or fail). */
export function scratchDir(prefix = 'hfleet-test-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * A new directory for a whole test file (made at the file's top level or in `beforeAll`), removed after
 * the file's last test.
 */
export function scratchDirForFile(prefix = 'hfleet-test-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
