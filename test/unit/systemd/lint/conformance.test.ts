// The fixed sample of the lint conformance suite (test/conformance/): hand-written units with known
// mistakes, units systemd accepts, and the unit files this machine's Debian packages installed, each linted
// and verified with systemd-analyze. The full corpus runs with test/conformance/compare.mjs.
import { existsSync, lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lintUnitFile } from '../../../../src/systemd/lint/lint-unit.js';
import { compareWithSystemd } from '../../../conformance/conformance.mjs';
import { HAS_SYSTEMD_ANALYZE, SKIP_REASON } from '../analyze.js';

const conformanceDir = (name: string) =>
  fileURLToPath(new URL(`../../../conformance/${name}`, import.meta.url));
const filesIn = (dir: string) => readdirSync(dir).map((name) => join(dir, name));
const UNIT_FILE = /\.(service|socket|timer|path|mount|automount|swap|target|slice)$/;
const MACHINE_UNITS = '/lib/systemd/system';

// Regular unit files installed by this machine's packages (aliases and masks are symlinks, left out).
function machineUnits(): string[] {
  if (!existsSync(MACHINE_UNITS)) return [];
  return filesIn(MACHINE_UNITS).filter((file) => UNIT_FILE.test(file) && lstatSync(file).isFile());
}

const summary = (rows: { file: string; findings: { rule: string }[]; systemd: { messages: string[] } }[]) =>
  rows.map((row) => `${row.file}: ${row.findings.map((f) => f.rule).join(',')} | ${row.systemd.messages[0]}`);

describe.skipIf(!HAS_SYSTEMD_ANALYZE)(`lint conformance sample (else skipped: ${SKIP_REASON})`, () => {
  it('every known mistake is refused or ignored by systemd and an error for hfleet', () => {
    const { rows, falseErrors, misses } = compareWithSystemd(
      filesIn(conformanceDir('known-mistakes')),
      lintUnitFile,
    );
    expect(rows.length).toBeGreaterThanOrEqual(50);
    expect(summary(rows.filter((row) => row.systemd.verdict !== 'rejects'))).toEqual([]);
    expect(summary([...falseErrors, ...misses])).toEqual([]);
  });

  it('units systemd loads as written get no error from hfleet', () => {
    const { rows, falseErrors, misses } = compareWithSystemd(
      filesIn(conformanceDir('accepted')),
      lintUnitFile,
    );
    expect(summary(rows.filter((row) => row.systemd.verdict === 'rejects'))).toEqual([]);
    expect(summary([...falseErrors, ...misses])).toEqual([]);
  });

  it("agrees with systemd on every unit file this machine's packages installed", () => {
    const files = machineUnits();
    const { falseErrors, misses } = compareWithSystemd(files, lintUnitFile);
    expect(summary(falseErrors)).toEqual([]);
    expect(summary(misses)).toEqual([]);
  }, 120_000);
});
