// Vitest global setup: every test process records its runs' history in a temporary state folder, removed after.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Point XDG_STATE_HOME at a fresh temporary folder; the returned teardown removes it.
export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'hfleet-test-state-'));
  process.env['XDG_STATE_HOME'] = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
