// Global setup of every test project: the run's own temp root (TMPDIR), removed when the run ends, so that
// no test, and no process a test starts, can leave anything in the system's /tmp.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Point TMPDIR at a fresh directory for this run (workers inherit it); the teardown removes it whole. */
export default function setup(): () => void {
  const previous = process.env['TMPDIR'];
  // Short on purpose: unix socket paths (ssh control sockets, agents) under it must stay under 108 bytes.
  const root = mkdtempSync(path.join(previous || os.tmpdir(), 'hft-'));
  process.env['TMPDIR'] = root;
  return () => {
    if (previous === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = previous;
    rmSync(root, { recursive: true, force: true });
  };
}
