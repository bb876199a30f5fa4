// Test oracle: what `systemd-analyze verify` on this machine says about unit files.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

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

// A unit holding `line` in `[section]` and what its type needs to load, named `probe{index}` (a swap is named
// after the device it needs).
function probeUnit(section: string, line: string, index: number): { name: string; text: string } {
  if (section === 'Socket')
    return { name: `probe${index}.socket`, text: `[Socket]\nListenDatagram=127.0.0.1:9\n${line}\n` };
  if (section === 'Swap')
    return { name: `dev-probe${index}.swap`, text: `[Swap]\nWhat=/dev/probe${index}\n${line}\n` };
  const service = '[Service]\nExecStart=/bin/true\n';
  if (section === 'Service') return { name: `probe${index}.service`, text: `${service}${line}\n` };
  return { name: `probe${index}.service`, text: `[${section}]\n${line}\n${service}` };
}

/**
 * Whether systemd-analyze verify loads `key=value` in `[section]` without a word about the file: the unit is
 * written as `probe{index}` in `dir` (a scratch dir of the test). Sections: Unit, Service, Socket, Swap.
 */
export function systemdAcceptsSetting(
  dir: string,
  section: string,
  key: string,
  value: string,
  index: number,
): boolean {
  const unit = probeUnit(section, `${key}=${value}`, index);
  const path = join(dir, unit.name);
  writeFileSync(path, unit.text);
  return verifyUnits([path]).messages.filter((line) => !/socket cannot be started/.test(line)).length === 0;
}
