// Test oracle: what `systemd-analyze verify` on this machine says about unit files.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Whether systemd-analyze is installed here (tests that need it skip otherwise). */
export const HAS_SYSTEMD_ANALYZE = spawnSync('systemd-analyze', ['--version']).status === 0;

/** Why oracle tests are skipped when they are. */
export const SKIP_REASON = 'systemd-analyze is not installed on this machine';

const MISSING_BINARY = /^(\S+): Command (\S+) is not executable: No such file or directory$/;

// Run `systemd-analyze verify` on unit paths; returns its exit code and its messages with the directory
// stripped, minus "not executable" messages about binaries absent from this build machine (e.g. dbt).
export function verifyUnits(paths: string[]): { status: number; messages: string[] } {
  const result = spawnSync('systemd-analyze', ['verify', '--man=no', ...paths], { encoding: 'utf8' });
  const all = `${result.stdout}${result.stderr}`.split('\n').filter((line) => line.trim() !== '');
  const missingBinaries = all.filter((line) => {
    const binary = MISSING_BINARY.exec(line)?.[2];
    return binary !== undefined && !existsSync(binary);
  });
  const messages = all
    .filter((line) => !missingBinaries.includes(line))
    .map((line) => line.replace(/^\/\S*\//, ''));
  const status = missingBinaries.length > 0 && messages.length === 0 ? 0 : (result.status ?? 1);
  return { status, messages };
}
